-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- ARGV[1]: this seeding's mark (a random token, so that replicas notice a re-seeding); then id1, json1, ...
-- Seeds only a tenant never seeded (or whose data was lost); keeps a copy for resets.
if not redis.call('SET', KEYS[4], ARGV[1], 'NX') then return 0 end
redis.call('DEL', KEYS[5])
for i = 2, #ARGV, 2 do
  redis.call('RPUSH', KEYS[5], ARGV[i + 1])
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  local k = cjson.decode(ARGV[i + 1])
  redis.call('HSET', KEYS[9], k.primaryKey, ARGV[i], k.secondaryKey, ARGV[i])
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[i])
end
return (#ARGV - 1) / 2
