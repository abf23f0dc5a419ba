"""`claim-checker serve`: the checker over HTTP, for a CMS and for editors in a browser.

models.py holds the request and response schema (published as OpenAPI at /openapi.json),
workers.py the processes that check (each with its own warm Session, killed when a check
runs past the time limit), app.py the routes, and page.html the editors' page at `/`.
Needs the `serve` extra: pip install 'claim-checker[serve]'.
"""
