-- KEYS: the tenant's keys, order, seq, seeded, seed, subscriptions, usage, rate, values (TenantSlot.keys), then the
-- hash of this minute's counts (per key and per usage plan, by verdict: the console's chart; it expires after
-- 65 minutes, so the last hour is kept)
-- One gateway call, checked and counted in one step: the rules of store/UsageLedger.java, in the same order.
-- ARGV: key value, product id, '1' if an ACCEPTED subscription is required, stage id, the stage's throttle (0: none),
-- the clock's second, day and month; then per usage plan of the stage (the first is its default):
-- plan id, rate per second, day quota, month quota (0: no limit).
-- Answers {verdict, key id, key type, plan id}; the key fields are absent when no key holds the value.
local value = ARGV[1]
-- the key is found by its value in the tenant's index, never by reading every key (which would hold Redis for
-- every replica and tenant while one large tenant is scanned); a tenant written before the index existed gets
-- its index built here, once
local id = redis.call('HGET', KEYS[9], value)
if not id and redis.call('EXISTS', KEYS[9]) == 0 then
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    local k = cjson.decode(all[i + 1])
    redis.call('HSET', KEYS[9], k.primaryKey, all[i], k.secondaryKey, all[i])
  end
  id = redis.call('HGET', KEYS[9], value)
end
-- the key as stored is compact JSON (written by StoredJson and by cjson alike): the value's slot and the enabled
-- flag are found in its text, which is cheaper than decoding it; a name or description cannot fake them, since
-- quotes inside a JSON string are escaped
local used, stored
if id then
  stored = redis.call('HGET', KEYS[1], id)
  if stored then
    if string.find(stored, '"primaryKey":"' .. value .. '"', 1, true) then used = 'PRIMARY'
    elseif string.find(stored, '"secondaryKey":"' .. value .. '"', 1, true) then used = 'SECONDARY' end
  end
end
if not used then return {'UNKNOWN_KEY'} end
local function tally(verdict, planId)
  redis.call('HINCRBY', KEYS[10], 'k/' .. id .. '/' .. verdict, 1)
  if planId then redis.call('HINCRBY', KEYS[10], 'p/' .. planId .. '/' .. verdict, 1) end
  redis.call('PEXPIRE', KEYS[10], 3900000)
end
if string.find(stored, '"enabled":false', 1, true) then tally('DISABLED_KEY'); return {'DISABLED_KEY', id, used} end
local productId, stageId = ARGV[2], ARGV[4]
local prefix = id .. '/'
local subscribed = redis.call('HGET', KEYS[6], prefix .. productId)
local s = subscribed and cjson.decode(subscribed)
local status = s and s.status
if status == 'BLOCKED_REQUEST' or (ARGV[3] == '1' and status ~= 'ACCEPTED') then tally('NOT_SUBSCRIBED'); return {'NOT_SUBSCRIBED', id, used} end
local chosen = s and type(s.usagePlans) == 'table' and s.usagePlans[stageId]
local plan = {ARGV[9], tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12])}
for i = 9, #ARGV, 4 do
  if ARGV[i] == chosen then plan = {ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])} end
end
local second, day, month = ARGV[6], ARGV[7], ARGV[8]
local usageId = prefix .. productId .. '/' .. stageId
local counted = redis.call('HGET', KEYS[7], usageId)
local u = counted and cjson.decode(counted) or {}
if u.day ~= day then u.day = day; u.dayUsage = 0; u.dayCalls = 0 end
if u.month ~= month then u.month = month; u.monthUsage = 0; u.monthCalls = 0 end
u.dayCalls = u.dayCalls + 1
u.monthCalls = u.monthCalls + 1
local throttleId, rateId = '*/' .. stageId, prefix .. stageId
local windows = redis.call('HMGET', KEYS[8], throttleId, rateId)
-- a window is "second:count"; one of an earlier second counts nothing
local function inWindow(w)
  if w then
    local at, n = string.match(w, '^(%d+):(%d+)$')
    if at == second then return tonumber(n) end
  end
  return 0
end
local throttled, rated = inWindow(windows[1]), inWindow(windows[2])
local throttle = tonumber(ARGV[5])
local verdict = 'ADMITTED'
if throttle > 0 and throttled >= throttle then verdict = 'THROTTLED'
elseif plan[2] > 0 and rated >= plan[2] then verdict = 'RATE_LIMITED'
elseif (plan[3] > 0 and u.dayUsage >= plan[3]) or (plan[4] > 0 and u.monthUsage >= plan[4]) then verdict = 'QUOTA_EXCEEDED'
else
  u.dayUsage = u.dayUsage + 1
  u.monthUsage = u.monthUsage + 1
  redis.call('HSET', KEYS[8], throttleId, second .. ':' .. (throttled + 1), rateId, second .. ':' .. (rated + 1))
end
redis.call('HSET', KEYS[7], usageId, cjson.encode(u))
tally(verdict, plan[1])
return {verdict, id, used, plan[1]}
