-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate (RedisApiKeyStore.tenantKeys)
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
local seq = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
return seq
