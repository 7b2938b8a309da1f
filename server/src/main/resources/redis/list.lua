-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
local out = {}
for i = 1, #ids, 500 do
  local chunk = {}
  for j = i, math.min(i + 499, #ids) do chunk[#chunk + 1] = ids[j] end
  local values = redis.call('HMGET', KEYS[1], unpack(chunk))
  for _, v in ipairs(values) do if v then out[#out + 1] = v end end
end
return out
