-- The console's chart: every count of the given minutes' hashes (KEYS, one per minute, all in the tenant's slot),
-- as one array of HGETALL answers in the order of KEYS (an expired minute answers an empty array).
local out = {}
for i, key in ipairs(KEYS) do
  out[i] = redis.call('HGETALL', key)
end
return out
