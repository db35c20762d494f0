-- Moves an anonymous cart into an account's cart, atomically (as on sign-in): the anonymous lines in the order they
-- were added; quantities of one SKU summed and capped at the units available and the per-line limit (an account's
-- own line is never reduced); products not available left out; lines beyond the limit dropped; the anonymous cart
-- deleted; the account cart's TTL refreshed.
-- KEYS[1] anonymous cart, KEYS[2] account cart
-- ARGV[1] most units per line, ARGV[2] most lines, ARGV[3] TTL in seconds,
-- ARGV[4..] pairs SKU, units available (0: not sold or sold out) for the anonymous cart's SKUs as the caller saw them;
-- a SKU added since is capped at the per-line limit alone (checkout re-checks stock anyway).
-- Returns {note count, (kind, SKU, quantity) per note, field, value, ...} with kind CAPPED, UNAVAILABLE or DROPPED.
local from, to = KEYS[1], KEYS[2]
local maxQuantity, maxLines, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])

local notes = {}
local function note(kind, sku, quantity)
  table.insert(notes, kind)
  table.insert(notes, sku)
  table.insert(notes, tostring(quantity))
end

local anonymous = redis.call('HGETALL', from)
if #anonymous > 0 then
  local caps = {}
  for i = 4, #ARGV, 2 do
    caps[ARGV[i]] = tonumber(ARGV[i + 1])
  end
  local added, lines = {}, {}
  for i = 1, #anonymous, 2 do
    local field = anonymous[i]
    if string.sub(field, 1, 1) == '@' then
      added[string.sub(field, 2)] = anonymous[i + 1]
    else
      table.insert(lines, {field, tonumber(anonymous[i + 1])})
    end
  end
  for _, line in ipairs(lines) do
    line[3] = added[line[1]] or '0'
  end
  table.sort(lines, function(a, b)
    local ta, tb = tonumber(a[3]), tonumber(b[3])
    if ta == tb then
      return a[1] < b[1]
    end
    return ta < tb
  end)

  local count = redis.call('HLEN', to) / 2
  for _, line in ipairs(lines) do
    local sku, quantity, since = line[1], line[2], line[3]
    local cap = caps[sku] or maxQuantity
    if cap > maxQuantity then
      cap = maxQuantity
    end
    local current = tonumber(redis.call('HGET', to, sku) or '0')
    if current > 0 then
      local merged = math.min(current + quantity, cap)
      if merged > current then
        redis.call('HSET', to, sku, merged)
      else
        merged = current
      end
      if merged < current + quantity then
        note('CAPPED', sku, merged)
      end
    elseif cap <= 0 then
      note('UNAVAILABLE', sku, 0)
    elseif count >= maxLines then
      note('DROPPED', sku, 0)
    else
      local merged = math.min(quantity, cap)
      redis.call('HSET', to, sku, merged, '@' .. sku, since)
      count = count + 1
      if merged < quantity then
        note('CAPPED', sku, merged)
      end
    end
  end
  redis.call('DEL', from)
  if redis.call('EXISTS', to) == 1 then
    redis.call('EXPIRE', to, ttl)
  end
end

local cart = redis.call('HGETALL', to)
local answer = {tostring(#notes / 3)}
for _, value in ipairs(notes) do
  table.insert(answer, value)
end
for _, value in ipairs(cart) do
  table.insert(answer, value)
end
return answer
