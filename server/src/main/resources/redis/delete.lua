-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- Deletes a key with its subscriptions and gateway counters. ARGV: the key id, the prefix of its subscription ids (StoredSubscription.idPrefix).
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then
  local k = cjson.decode(stored)
  redis.call('HDEL', KEYS[9], k.primaryKey, k.secondaryKey)
end
local n = redis.call('HDEL', KEYS[1], ARGV[1])
if n == 1 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  local prefix = ARGV[2]
  for _, field in ipairs(redis.call('HKEYS', KEYS[6])) do
    if string.sub(field, 1, #prefix) == prefix then redis.call('HDEL', KEYS[6], field) end
  end
  for _, counters in ipairs({KEYS[7], KEYS[8]}) do
    for _, field in ipairs(redis.call('HKEYS', counters)) do
      if string.sub(field, 1, #prefix) == prefix then redis.call('HDEL', counters, field) end
    end
  end
end
return n
