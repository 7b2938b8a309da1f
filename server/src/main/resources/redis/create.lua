-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- ARGV: the new key's id, the key as JSON, the most keys the tenant may hold.
-- Answers the key's place in creation order, -1 when the id is taken, -2 when the tenant holds its limit of keys.
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return -2 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
local k = cjson.decode(ARGV[2])
redis.call('HSET', KEYS[9], k.primaryKey, ARGV[1], k.secondaryKey, ARGV[1])
local seq = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
return seq
