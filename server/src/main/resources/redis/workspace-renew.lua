-- KEYS: ncp:{workspaces}:all, ncp:{workspaces}:keys (RedisWorkspaceStore). ARGV: id, the renewed JSON.
-- Writes the renewal only if the workspace is still there: a renewal never brings back a deleted workspace.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
