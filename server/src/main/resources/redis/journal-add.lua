-- One request journal entry: appended to the journal, the journal trimmed to its newest ARGV[2] entries, and its
-- idle expiry renewed. KEYS[1] the journal's list; ARGV[1] the entry (JSON); ARGV[2] the cap; ARGV[3] the expiry, ms.
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
