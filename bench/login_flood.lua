-- wrk script: POST /logg-inn as the login form does, for an address with no account, with
-- a password of PASSWORD_BYTES bytes (a flood of logins: the lever on password hashing).
-- bench/run.sh passes one CSRF token from GET /logg-inn in CSRF_TOKEN.
local token = os.getenv("CSRF_TOKEN")
if token == nil or not token:match("^%x+$") then
  error("CSRF_TOKEN must hold the token from GET /logg-inn")
end
local size = tonumber(os.getenv("PASSWORD_BYTES") or "20")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrf=" .. token
wrk.body = "csrf_token=" .. token .. "&website=&email=ingen%40dfo.no&password=" .. string.rep("x", size)
