-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- ARGV[1]: the reset time; ARGV[2]: a seeding mark, used only when the tenant has none (a reset keeps the mark);
-- then id1, json1, ... used only when the tenant has no copy of a first seeding.
-- Forgets the tenant's keys, subscriptions and gateway counters and restores its seed, with the reset time as modTime.
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[6], KEYS[7], KEYS[8], KEYS[9])
if redis.call('EXISTS', KEYS[5]) == 0 then
  for i = 3, #ARGV, 2 do redis.call('RPUSH', KEYS[5], ARGV[i + 1]) end
end
if redis.call('EXISTS', KEYS[4]) == 0 then redis.call('SET', KEYS[4], ARGV[2]) end
local seed = redis.call('LRANGE', KEYS[5], 0, -1)
for _, v in ipairs(seed) do
  local k = cjson.decode(v)
  k.modTime = ARGV[1]
  redis.call('HSET', KEYS[1], k.apiKeyId, cjson.encode(k))
  redis.call('HSET', KEYS[9], k.primaryKey, k.apiKeyId, k.secondaryKey, k.apiKeyId)
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), k.apiKeyId)
end
return #seed
