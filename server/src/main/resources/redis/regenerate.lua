-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate (RedisApiKeyStore.tenantKeys)
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
local k = cjson.decode(v)
k[ARGV[2]] = ARGV[3]
k.modifier = ARGV[4]
k.modTime = ARGV[5]
local out = cjson.encode(k)
redis.call('HSET', KEYS[1], ARGV[1], out)
return out
