#!/usr/bin/env python3
"""Verifies jdih case histories without Java: the reference for another language.

Usage: verify_events.py FILE...   where FILE is a case log (one event per line, event-json format 1 or 2: a
file store's cases/case-*.jsonl, or a softcopy's cases/*.jsonl) or a softcopy archive (.zip, whose manifest.json
gives each case's expected number of events and head hash).

Each event's hash is recomputed by the hash format it records (EventDocument in jdih-core specifies both) and
must equal its "hash"; each event's "previousHash" must be the hash of the event before (64 zeros for the first);
sequences must run 1, 2, 3, ... of one case. Prints one line per case and exits 1 if any case does not verify.
Only the Python standard library is used.
"""
import hashlib
import json
import sys
import zipfile

GENESIS = "0" * 64


def utf16(s):
    return s.encode("utf-16-le", "surrogatepass")


def sha256(text):
    # Java's String.getBytes(UTF_8) writes an unpaired surrogate as '?', as errors="replace" does here.
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


# ---- hash format 2: SHA-256 of the RFC 8785 canonical JSON of the line without "v" and "hash" ----

def jcs_string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\t\n\f\r":
            out.append({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}[ch])
        elif o < 0x20 or 0xD800 <= o <= 0xDFFF:  # controls, and surrogates left unpaired by the JSON parser
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def jcs(v):
    if isinstance(v, dict):
        return "{" + ",".join(jcs_string(k) + ":" + jcs(v[k]) for k in sorted(v, key=utf16)) + "}"
    if isinstance(v, list):
        return "[" + ",".join(jcs(x) for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return jcs_string(v)
    raise ValueError("not a canonical JSON value: %r" % (v,))


def hash_format_2(event):
    doc = {k: v for k, v in event.items() if k not in ("v", "hash")}
    return sha256(jcs(doc))


# ---- hash format 1 (jdih 0.1): a length-prefixed text of the fields with jdih 0.1's record names ----

def s(x):
    return "s%d:%s" % (len(utf16(x)) // 2, x)


def n(x):
    return "n%d;" % x


def e(name):
    return "e%d:%s" % (len(name), name)


def rec(name, body):
    return "(%d:%s%s)" % (len(name), name, body)


def opt(value, encode):
    return "o" + ("~" if value is None else encode(value))


def lst(items, encode):
    return "[%d:%s]" % (len(items), "".join(encode(x) for x in items))


def st(items, encode):
    encoded = sorted((encode(x) for x in items), key=utf16)
    return "<%d:%s>" % (len(encoded), "".join(encoded))


def date(d):
    return "D%s;" % d


def media_item(m):
    return rec("MediaItem", s(m["fileRef"]) + s(m["mediaType"]) + n(m["width"]) + n(m["height"]) + n(m["bytes"])
               + s(m["sha256"]))


def legal_product(x):
    return rec("LegalProductRef", s(x["documentType"]) + s(x["title"]) + s(x["issuingBody"]) + s(x["number"])
               + s(x["form"]) + opt(x.get("formShort"), s) + n(x["year"]) + opt(x.get("placeEnacted"), s)
               + opt(x.get("enactedOn"), date) + opt(x.get("promulgatedOn"), date) + opt(x.get("source"), s)
               + lst(x["subjects"], s) + e(x["status"])
               + lst(x["relations"], lambda r: rec("Relation", e(r["kind"]) + s(r["other"])))
               + opt(x.get("language"), s) + opt(x.get("location"), s) + opt(x.get("fieldOfLaw"), s)
               + lst(x["attachments"], s))


def payload(p):
    t = p["type"]
    if t == "proposed":
        x = p["proposal"]
        body = rec("ContentProposal", s(x["title"]) + e(x["category"]) + s(x["material"])
                   + opt(x.get("legalProduct"), legal_product) + st(x["platforms"], e))
        return rec("Proposed", body)
    if t == "approved":
        return rec("Approved", opt(p.get("note"), s))
    if t in ("rejected", "withdrawn"):
        return rec("Rejected" if t == "rejected" else "Withdrawn", s(p["reason"]))
    if t == "meetingRecorded":
        m = p["meeting"]
        d = m["minutes"]
        doc = rec("DocumentRef", s(d["fileRef"]) + s(d["name"]) + s(d["mediaType"]) + n(d["bytes"]) + s(d["sha256"]))
        return rec("MeetingRecorded", rec("Meeting", date(m["date"]) + lst(m["attendees"], s) + s(m["conclusions"])
                                          + doc + st(m["equipmentConfirmed"], s)))
    if t == "summarized":
        return rec("Summarized", s(p["summary"]))
    if t == "designAttached":
        return rec("DesignAttached", lst(p["items"], media_item))
    if t == "captionWritten":
        c = p["caption"]
        entries = sorted((e(k) + "=" + s(v) for k, v in c["perPlatform"].items()), key=utf16)
        return rec("CaptionWritten", rec("Caption", s(c["text"]) + "{%d:%s}" % (len(entries), "".join(entries))))
    if t == "publicationRecorded":
        def post(x):
            return rec("PlatformPost", e(x["platform"]) + s(x["postId"]) + "vURI:%d:%s" % (len(utf16(x["url"])) // 2,
                       x["url"]) + "t%s;" % x["publishedAt"])
        return rec("PublicationRecorded", lst(p["posts"], post))
    if t == "taskCompleted":
        return rec("TaskCompleted", s(p["result"]))
    raise ValueError("unknown payload type %r" % t)


def hash_format_1(ev):
    a = ev["actor"]
    sop = ev["sop"]
    text = (rec("CaseId", s(ev["caseId"])) + n(ev["sequence"])
            + rec("SopKey", s(sop["officeId"]) + s(sop["number"]) + n(sop["revision"]))
            + rec("CommandId", s(ev["commandId"]))
            + rec("Person", rec("Nip", s(a["nip"])) + s(a["name"]) + st(a["roles"], lambda r: rec("RoleId", s(r))))
            + "t%s;" % ev["at"] + opt(ev.get("activity"), n) + payload(ev["payload"]) + s(ev["previousHash"]))
    return sha256(text)


# ---- the chain ----

def verify(name, lines, expected_events=None, expected_head=None):
    previous = GENESIS
    formats = {1: 0, 2: 0}
    events = [json.loads(line) for line in lines if line.strip() and not line.startswith('{"batch":')
              and not line.startswith('{"outbox":')]
    for i, ev in enumerate(events):
        fmt = ev.get("hashFormat", 1) if ev.get("v") == 2 else 1
        where = "%s, event %d" % (name, i + 1)
        if ev["caseId"] != events[0]["caseId"]:
            return "FAIL %s: an event of another case" % where
        if ev["sequence"] != i + 1:
            return "FAIL %s: sequence %s, expected %d" % (where, ev["sequence"], i + 1)
        if ev["previousHash"] != previous:
            return "FAIL %s: the hash chain is broken" % where
        actual = hash_format_2(ev) if fmt == 2 else hash_format_1(ev)
        if actual != ev["hash"]:
            return "FAIL %s: altered (hash format %d)" % (where, fmt)
        formats[fmt] += 1
        previous = ev["hash"]
    if expected_events is not None and len(events) != expected_events:
        return "FAIL %s: %d events, the manifest says %d" % (name, len(events), expected_events)
    if expected_head is not None and previous != expected_head:
        return "FAIL %s: the chain does not end at the manifest's head" % name
    return "OK %s: %d events (hash format 1: %d, 2: %d), head %s" % (name, len(events), formats[1], formats[2],
                                                                      previous)


def main(paths):
    results = []
    for path in paths:
        if path.endswith(".zip"):
            with zipfile.ZipFile(path) as z:
                manifest = json.loads(z.read("manifest.json").decode("utf-8"))
                for c in manifest["cases"]:
                    text = z.read(c["entry"]).decode("utf-8", "surrogatepass")
                    results.append(verify(c["id"], text.splitlines(), c["events"], c["head"]))
        else:
            with open(path, encoding="utf-8", errors="surrogatepass") as f:
                results.append(verify(path, f.read().splitlines()))
    for r in results:
        print(r)
    return 0 if all(r.startswith("OK") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
