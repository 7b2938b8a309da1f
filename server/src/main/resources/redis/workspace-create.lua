-- KEYS: ncp:{workspaces}:all (id to workspace JSON), ncp:{workspaces}:keys (access key to id) (RedisWorkspaceStore)
-- ARGV: id, access key, the workspace as JSON, the limit of live workspaces, now (epoch milliseconds).
-- Removes the expired workspaces, then adds this one unless the limit is reached.
-- Answers {1 if added else 0, the JSON of each expired workspace removed...}.
local answer = {0}
local live = 0
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local w = cjson.decode(all[i + 1])
  if tonumber(w.expiresAtMillis) <= tonumber(ARGV[5]) then
    redis.call('HDEL', KEYS[1], all[i])
    redis.call('HDEL', KEYS[2], w.accessKey)
    table.insert(answer, all[i + 1])
  else
    live = live + 1
  end
end
if live < tonumber(ARGV[4]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
  answer[1] = 1
end
return answer
