-- KEYS: ncp:{workspaces}:all, ncp:{workspaces}:keys (RedisWorkspaceStore). ARGV: an access key. Answers its workspace's JSON, or nil.
local id = redis.call('HGET', KEYS[2], ARGV[1])
if not id then return false end
return redis.call('HGET', KEYS[1], id)
