"""A client of Beacon's telemetry API (family A): the Python example from that API's documentation, unchanged.

Only the two constants differ: they come from the environment instead of being written in.

    BEACON_URL      the Beacon server, e.g. http://127.0.0.1:8470 (the default); /api/v1 is added
    BEACON_APP_KEY  the app's key, shown when the app is created in the console (required)

Run it as a script to send one heartbeat, one version check and one error report, printing
each answer of the server:

    BEACON_APP_KEY=... python3 beacon_client.py [version]

Needs the `requests` package (pip install requests).
"""
import os
import sys

import requests
import platform
import uuid
BASE_URL = os.environ.get("BEACON_URL", "http://127.0.0.1:8470").rstrip("/") + "/api/v1"
APP_KEY = os.environ["BEACON_APP_KEY"]
def get_machine_id():
    return str(uuid.getnode())
def heartbeat(version):
    data = {
        "app_key": APP_KEY,
        "machine_id": get_machine_id(),
        "version": version
    }
    requests.post(f"{BASE_URL}/user/heartbeat", json=data)
def check_update(current_version):
    data = {
        "app_key": APP_KEY,
        "current_version": current_version,
        "platform": platform.system().lower()
    }
    response = requests.post(f"{BASE_URL}/version/check", json=data)
    return response.json()
def report_error(exception, version):
    data = {
        "app_key": APP_KEY,
        "machine_id": get_machine_id(),
        "software_version": version,
        "error_type": type(exception).__name__,
        "error_message": str(exception),
        "error_stack": "",
        "os_info": platform.platform()
    }
    requests.post(f"{BASE_URL}/error/report", json=data)


if __name__ == "__main__":
    # heartbeat() and report_error() drop the server's answer, as the example has them; to show
    # every answer without changing them, requests.post is wrapped to print what comes back.
    original_post = requests.post

    def printing_post(url, **kwargs):
        response = original_post(url, **kwargs)
        print(f"POST {url[len(BASE_URL):]} -> {response.status_code} {response.text}", flush=True)
        return response

    requests.post = printing_post
    version = sys.argv[1] if len(sys.argv) > 1 else "1.0.0"
    heartbeat(version)
    check_update(version)
    try:
        raise RuntimeError("beacon_client.py example error")
    except RuntimeError as e:
        report_error(e, version)
