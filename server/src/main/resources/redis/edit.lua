-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
local k = cjson.decode(v)
k.apiKeyName = ARGV[2]
k.apiKeyDescription = ARGV[3]
k.enabled = (ARGV[4] == 'true')
k.modifier = ARGV[5]
k.modTime = ARGV[6]
local out = cjson.encode(k)
redis.call('HSET', KEYS[1], ARGV[1], out)
return out
