-- Writes one line of a cart, atomically: the line limit, the stock check, the per-line cap and the 30-day TTL
-- are decided on the cart as it is at this instant, so concurrent writes to one cart lose nothing.
-- The cart is one hash, one field per line: SKU -> 'quantity|added' (added: epoch microseconds, Redis time, when the
-- line was first added; lines are listed in that order, so two lines added within one millisecond keep theirs; lines
-- written before took epoch milliseconds, which the reader tells apart by their size).
-- KEYS[1] cart
-- ARGV[1] 'add' (quantity is added to the line) or 'set' (quantity replaces it; 0 removes the line)
-- ARGV[2] SKU, ARGV[3] quantity, ARGV[4] units available (-1: not checked), ARGV[5] most units per line,
-- ARGV[6] most lines, ARGV[7] TTL in seconds
-- Returns {status, quantity}: status OK, CAPPED (the line holds the quantity returned, less than asked), STOCK
-- (refused: the line would hold the quantity returned, more than available) or FULL (refused: a new line in a full
-- cart). The caller reads the cart with a plain HGETALL sent right behind the script: returning it from Lua cost
-- Redis about twice as much time per write (every field converted to Lua and back).
local key, sku = KEYS[1], ARGV[2]
local quantity, available = tonumber(ARGV[3]), tonumber(ARGV[4])
local maxQuantity, maxLines, ttl = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])

local current, added = 0, nil
local line = redis.call('HGET', key, sku)
if line then
  local bar = string.find(line, '|', 1, true)
  if bar then
    current, added = tonumber(string.sub(line, 1, bar - 1)) or 0, string.sub(line, bar + 1)
  else
    current = tonumber(line) or 0
  end
end
local wanted = quantity
if ARGV[1] == 'add' then
  wanted = current + quantity
end

if wanted <= 0 then
  redis.call('HDEL', key, sku)
  if redis.call('EXISTS', key) == 1 then
    redis.call('EXPIRE', key, ttl)
  end
  return {'OK', '0'}
end

local held = math.min(wanted, maxQuantity)
if available >= 0 and held > available then
  return {'STOCK', tostring(held)}
end
if not line and redis.call('HLEN', key) >= maxLines then
  return {'FULL', '0'}
end
if not added then
  local now = redis.call('TIME')
  added = now[1] .. string.format('%06d', now[2])
end
redis.call('HSET', key, sku, held .. '|' .. added)
redis.call('EXPIRE', key, ttl)
if held < wanted then
  return {'CAPPED', tostring(held)}
end
return {'OK', tostring(held)}
