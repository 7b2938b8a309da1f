-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions (RedisApiKeyStore.tenantKeys)
-- ARGV: id1, json1, id2, json2, ... Seeds only a tenant never seeded; keeps a copy for resets.
if not redis.call('SET', KEYS[4], '1', 'NX') then return 0 end
redis.call('DEL', KEYS[5])
for i = 1, #ARGV, 2 do
  redis.call('RPUSH', KEYS[5], ARGV[i + 1])
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[i])
end
return #ARGV / 2
