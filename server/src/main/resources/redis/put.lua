-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- ARGV: the key id, the key as JSON. Replaces a key with the same id (keeping its place in creation order).
local before = redis.call('HGET', KEYS[1], ARGV[1])
if before then
  local old = cjson.decode(before)
  redis.call('HDEL', KEYS[9], old.primaryKey, old.secondaryKey)
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local k = cjson.decode(ARGV[2])
redis.call('HSET', KEYS[9], k.primaryKey, ARGV[1], k.secondaryKey, ARGV[1])
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
end
return 1
