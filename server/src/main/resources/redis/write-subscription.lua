-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys)
-- ARGV: key id, "keyId/productId", the subscription as last read ('' for none), the new one ('' removes it). Answers -1 when the key is gone, 0 when the subscription changed since it was read, 1 when written.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
local current = redis.call('HGET', KEYS[6], ARGV[2])
if (current or '') ~= ARGV[3] then return 0 end
if ARGV[4] == '' then redis.call('HDEL', KEYS[6], ARGV[2]) else redis.call('HSET', KEYS[6], ARGV[2], ARGV[4]) end
return 1
