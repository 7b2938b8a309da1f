-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate (RedisApiKeyStore.tenantKeys)
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
end
return 1
