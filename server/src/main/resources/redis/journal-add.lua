-- Request journal entries: appended to the journal in their order, the journal trimmed to its newest ARGV[1]
-- entries, and its idle expiry renewed. KEYS[1] the journal's list; ARGV[1] the cap; ARGV[2] the expiry, ms;
-- ARGV[3..] the entries (JSON), at most a thousand a call.
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
