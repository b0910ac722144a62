"""What one request takes from one client, in this process: the median of many, the URLs taken in turn.

Each round requests every URL once, one after another, so a cached answer and the floor it is compared with
(``/bench/django-default/``) are timed under the same load, microseconds apart, and the load's drift spreads
over all of them alike. Drives the WSGI application in this process (no HTTP, no gunicorn), under
``settings.bench`` by default, against whatever ``DATABASE_URL`` and ``REDIS_URL`` name (load it first).

    .venv/bin/python bench/time_request.py --repeat 500 '/api/v2/pages/?type=news.NewsPage&fields=*&limit=20' \\
        /vi/ /bench/django-default/

Prints each URL's median and fastest time in milliseconds and the median as a share of the last URL's (the
floor): the ratio issue 21 asks to be at least 0.5 is floor time ÷ URL time (a rate's ratio).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from profile_request import call, wsgi_application


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", help="the last one is the floor the others are compared with")
    parser.add_argument("--repeat", type=int, default=300, help="rounds (requests per URL)")
    parser.add_argument("--warm", type=int, default=3, help="rounds before timing")
    parser.add_argument("--user-agent", default="", help="a browser's: HTML views are then counted (cms/visits)")
    args = parser.parse_args()

    application = wsgi_application()
    extra = {"HTTP_USER_AGENT": args.user_agent} if args.user_agent else {}
    times = {url: [] for url in args.urls}
    states = {}
    for round_ in range(args.warm + args.repeat):
        for url in args.urls:
            started = time.perf_counter()
            status, headers, body = call(application, url, extra)
            elapsed = time.perf_counter() - started
            if round_ >= args.warm:
                times[url].append(elapsed * 1000)
            states[url] = (status.split()[0], headers.get("X-Cache", "-"), len(body))
    floor = statistics.median(times[args.urls[-1]])
    print(f"load average {os.getloadavg()[0]:.2f}; {args.repeat} rounds")
    print(f"{'url':<58}{'status':>7}{'X-Cache':>9}{'bytes':>9}{'median ms':>11}{'fastest':>9}{'floor÷url':>10}")
    for url, measured in times.items():
        status, state, size = states[url]
        median = statistics.median(measured)
        figures = f"{median:>11.3f}{min(measured):>9.3f}{floor / median:>10.2f}"
        print(f"{url[:57]:<58}{status:>7}{state:>9}{size:>9}{figures}")


if __name__ == "__main__":
    main()
