-- KEYS: ncp:{workspaces}:all, ncp:{workspaces}:keys (RedisWorkspaceStore). ARGV: id. Answers the JSON removed, or nil.
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], cjson.decode(v).accessKey)
return v
