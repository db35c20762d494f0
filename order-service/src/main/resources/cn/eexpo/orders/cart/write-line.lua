-- Writes one line of a cart, atomically: the line limit, the stock check, the per-line cap and the 30-day TTL
-- are decided on the cart as it is at this instant, so concurrent writes to one cart lose nothing.
-- The cart is one hash: field SKU -> quantity, field @SKU -> when the line was first added (epoch ms, Redis time).
-- KEYS[1] cart
-- ARGV[1] 'add' (quantity is added to the line) or 'set' (quantity replaces it; 0 removes the line)
-- ARGV[2] SKU, ARGV[3] quantity, ARGV[4] units available (-1: not checked), ARGV[5] most units per line,
-- ARGV[6] most lines, ARGV[7] TTL in seconds
-- Returns {status, quantity, field, value, ...}: status OK, CAPPED (the line holds the quantity returned, less than
-- asked), STOCK (refused: the line would hold the quantity returned, more than available) or FULL (refused: a new
-- line in a full cart); the cart's fields follow OK and CAPPED.
local key, sku = KEYS[1], ARGV[2]
local quantity, available = tonumber(ARGV[3]), tonumber(ARGV[4])
local maxQuantity, maxLines, ttl = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])

local current = tonumber(redis.call('HGET', key, sku) or '0')
local wanted = quantity
if ARGV[1] == 'add' then
  wanted = current + quantity
end

local function answer(status, held)
  local cart = redis.call('HGETALL', key)
  table.insert(cart, 1, tostring(held))
  table.insert(cart, 1, status)
  return cart
end

if wanted <= 0 then
  redis.call('HDEL', key, sku, '@' .. sku)
  if redis.call('EXISTS', key) == 1 then
    redis.call('EXPIRE', key, ttl)
  end
  return answer('OK', 0)
end

local held = math.min(wanted, maxQuantity)
if available >= 0 and held > available then
  return {'STOCK', tostring(held)}
end
if current == 0 and redis.call('HLEN', key) >= 2 * maxLines then
  return {'FULL', '0'}
end
if current == 0 then
  local now = redis.call('TIME')
  redis.call('HSET', key, sku, held, '@' .. sku, now[1] .. string.format('%03d', math.floor(now[2] / 1000)))
else
  redis.call('HSET', key, sku, held)
end
redis.call('EXPIRE', key, ttl)
if held < wanted then
  return answer('CAPPED', held)
end
return answer('OK', held)
