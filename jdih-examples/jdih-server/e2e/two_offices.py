#!/usr/bin/env python3
"""A scripted API client of jdih-server, as an office's PHP site would use it (standard library only).

Against a running server (./jdih serve), as its first administrator:
  1. creates two offices: one under the reference SOP (WIB), one under its own variant (kab-contoh-wita.sop.json:
     WITA, a second approval by a Sekretaris, a two-day design);
  2. puts their people in the directory and issues each person an API token;
  3. runs one case per office through every activity with a rejection and a resubmission, each command with an
     Idempotency-Key (one command is sent twice: it is applied once);
  4. waits until the outbox has published both cases (dry run), and prints their timelines.

Usage: python3 two_offices.py --password ONE-TIME-PASSWORD [--base http://127.0.0.1:8080] [--suffix X]
Exit status 0 when both cases are published; anything else fails loudly.
"""
import argparse, http.cookiejar, json, os, re, sys, time, urllib.error, urllib.parse, urllib.request, uuid

HERE = os.path.dirname(os.path.abspath(__file__))


class Api:
    def __init__(self, base, token=None):
        self.base, self.token, self.csrf = base, token, None
        # The session cookie is Secure. Browsers send it over plain http to this machine (127.0.0.1, localhost) only;
        # so does this client, and over https anywhere.
        loopback = urllib.parse.urlparse(base).hostname in ("127.0.0.1", "localhost", "::1")
        policy = http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http") if loopback
                                                    else ("https", "wss"))
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(policy)), NoRedirect())

    def call(self, method, path, body=None, headers=None, content_type="application/json", expect=(200,)):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Accept-Language", "id")
        if data is not None:
            req.add_header("Content-Type", content_type)
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        if self.csrf and method != "GET":
            req.add_header("X-CSRF-TOKEN", self.csrf)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with self.opener.open(req, timeout=30) as r:
                status, raw, hdrs = r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            status, raw, hdrs = e.code, e.read(), e.headers
        if status not in expect:
            sys.exit(f"{method} {path}: {status} (expected {expect}): {raw[:500]!r}")
        ctype = hdrs.get("Content-Type", "")
        return status, (json.loads(raw) if raw and "json" in ctype else raw), hdrs

    def command(self, path, body, key=None):
        return self.call("POST", path, body, {"Idempotency-Key": key or str(uuid.uuid4())}, expect=(200, 201))[1]

    def login(self, username, password):
        page = self.call("GET", "/login")[1].decode()
        csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', page)
        form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": csrf.group(1)}).encode()
        _, _, hdrs = self.call("POST", "/login", form, content_type="application/x-www-form-urlencoded", expect=(302,))
        if "error" in hdrs.get("Location", ""):
            sys.exit(f"login of {username} refused")
        self.csrf = self.call("GET", "/api/v1/csrf")[1]["token"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def multipart(fields, files):
    boundary = "jdih" + uuid.uuid4().hex
    out = b""
    for name, value in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, filename, ctype, data in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {ctype}\r\n\r\n").encode() + data + b"\r\n"
    return out + f"--{boundary}--\r\n".encode(), "multipart/form-data; boundary=" + boundary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--password", required=True, help="the first administrator's one-time password")
    ap.add_argument("--admin", default="admin")
    ap.add_argument("--suffix", default=uuid.uuid4().hex[:6], help="makes office ids unique on a reused server")
    a = ap.parse_args()

    admin = Api(a.base)
    admin.login(a.admin, a.password)
    variant = json.load(open(os.path.join(HERE, "kab-contoh-wita.sop.json"), encoding="utf-8"))
    offices = {"wib-" + a.suffix: None, "wita-" + a.suffix: variant}
    nips = iter(range(1, 100))
    cases = {}
    for office, definition in offices.items():
        body = {"id": office, "name": "KPU " + office, "unit": "Subbagian Hukum",
                "zone": "Asia/Makassar" if definition else "Asia/Jakarta"}
        if definition:
            definition["office"]["id"] = office
            body["definition"] = definition
        admin.call("POST", "/api/v1/offices", body, expect=(201,))
        roles = {"kasubag": "kasubag-hukum", "tim": "tim-pembina-teknis", "staf": "staf"}
        if definition:
            roles["sekretaris"] = "sekretaris"
        people = {}
        prefix = "19800101200604" if definition is None else "19900101200604"
        stamp = int(time.time()) % 10000
        for who, role in roles.items():
            username = f"{office}.{who}"
            nip = f"{(int(prefix) + stamp) % 10**14:014d}{next(nips):04d}"
            admin.call("PUT", f"/api/v1/offices/{office}/people/{username}",
                       {"nip": nip, "name": f"{who.capitalize()} {office}", "roles": [role],
                        "officeAdmin": who == "kasubag"})
            token = admin.call("POST", f"/api/v1/offices/{office}/tokens",
                               {"label": "situs JDIH (PHP)", "username": username,
                                "scopes": ["cases:read", "cases:write"]}, expect=(201,))[1]["token"]
            people[who] = Api(a.base, token)
        admin.call("PUT", f"/api/v1/offices/{office}/publisher", {"username": f"{office}.staf"})

        base = f"/api/v1/offices/{office}/cases"
        proposal = {"title": "Tahukah kamu? Hak pilih " + office, "category": "INFORMASI_HUKUM",
                    "material": "Materi tertulis tentang hak pilih", "platforms": ["INSTAGRAM", "TELEGRAM"]}
        first = people["kasubag"].command(base, proposal, key="usul-" + office)
        again = people["kasubag"].command(base, proposal, key="usul-" + office)  # a retried request: applied once
        assert again["id"] == first["id"] and again["version"] == first["version"], (first, again)
        case = f"{base}/{first['id']}"
        revised = dict(proposal, title=proposal["title"] + " (revisi)")
        if definition is None:
            # Reference SOP: the Kasubag sends the draft back at activity 2, the proposal is revised, then approved.
            people["kasubag"].command(case + "/reject", {"reason": "Perbaiki judul"})
            people["kasubag"].command(case + "/resubmit", revised)
            people["kasubag"].command(case + "/approve", {"note": "Setuju"})
        else:
            # The variant: the Kasubag approves, the Sekretaris sends it back; revised, both approve.
            people["kasubag"].command(case + "/approve", {"note": "Setuju"})
            people["sekretaris"].command(case + "/reject", {"reason": "Perbaiki judul"})
            people["kasubag"].command(case + "/resubmit", revised)
            people["kasubag"].command(case + "/approve", {})
            people["sekretaris"].command(case + "/approve", {})
        body, ctype = multipart([("date", time.strftime("%Y-%m-%d")), ("attendees", "Kasubag"), ("attendees", "Tim"),
                                 ("conclusions", "Dibuat infografis"), ("equipment", "infocus"),
                                 ("equipment", "komputer-laptop")],
                                [("minutes", "notulen.txt", "text/plain", b"Notulen rapat")])
        people["tim"].call("POST", case + "/meeting", body, {"Idempotency-Key": str(uuid.uuid4())}, ctype)
        people["staf"].command(case + "/summary", {"summary": "Rangkuman hasil rapat"})
        design = open(os.path.join(HERE, "desain.jpg"), "rb").read()  # 1080x1350 JPEG: Instagram takes JPEG only
        body, ctype = multipart([], [("images", "desain.jpg", "image/jpeg", design)])
        people["tim"].call("POST", case + "/design", body, {"Idempotency-Key": str(uuid.uuid4())}, ctype)
        people["kasubag"].command(case + "/caption", {"text": "Tahukah kamu? #JDIH #KPU"})
        cases[office] = (people["kasubag"], case)

    deadline = time.time() + 120
    for office, (client, case) in cases.items():
        while True:
            state = client.call("GET", case)[1]
            if state["status"] == "PUBLISHED":
                break
            if time.time() > deadline:
                sys.exit(f"{case} not published: {state['status']}")
            time.sleep(0.5)
        timeline = client.call("GET", case + "/timeline")[1]
        print(f"{office}: {state['id']} PUBLISHED on {', '.join(p['platform'] for p in state['posts'])};"
              f" SOP {state['sop']}, zone {timeline['zone']}")
        for row in timeline["rows"]:
            print(f"  {row['activity']:>2} {row['kind']:<12} {row.get('doneBy', ''):<28} {row['timeStatus']}")
    print("OK")


if __name__ == "__main__":
    main()
