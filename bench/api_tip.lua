-- wrk script: POST /api/v1/tips with a valid anonymous tip (one outbox mail per request).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = '{"initiative":"Digital postkasse for fakturaer i hele staten",' ..
           '"agency":"Statens vegvesen",' ..
           '"reason":"Sparte tusenvis av timer og gjorde fakturabehandlingen enklere for alle."}'
