-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- ARGV: the key id, the field (primaryKey or secondaryKey), its new value, the modifier, the modification time.
-- The index of values (KEYS[9]) loses the old value and gains the new one in the same step.
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
local k = cjson.decode(v)
if k[ARGV[2]] then redis.call('HDEL', KEYS[9], k[ARGV[2]]) end
k[ARGV[2]] = ARGV[3]
k.modifier = ARGV[4]
k.modTime = ARGV[5]
local out = cjson.encode(k)
redis.call('HSET', KEYS[1], ARGV[1], out)
redis.call('HSET', KEYS[9], ARGV[3], ARGV[1])
return out
