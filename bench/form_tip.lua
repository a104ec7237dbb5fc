-- wrk script: POST /tips as the HTML form does, with a double-submit CSRF token.
-- bench/run.sh fetches one token with curl (GET /tips) and passes it in CSRF_TOKEN; the
-- same token goes in the `csrf` cookie and in the hidden field, as a browser would send it.
local token = os.getenv("CSRF_TOKEN")
if token == nil or not token:match("^%x+$") then
  error("CSRF_TOKEN must hold the token from GET /tips")
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrf=" .. token
wrk.body = "csrf_token=" .. token ..
           "&website=" ..
           "&initiative=Digital+postkasse+for+fakturaer+i+hele+staten" ..
           "&agency=Statens+vegvesen" ..
           "&reason=Sparte+tusenvis+av+timer+og+gjorde+fakturabehandlingen+enklere+for+alle."
