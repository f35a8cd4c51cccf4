"""A static file server on 127.0.0.1 for the checks that need the site over HTTP."""

import contextlib
import functools
import http.server
import threading


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not print a line per request into the test output."""

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serving(directory, handler_class=_QuietHandler):
    """http://127.0.0.1:<free port> serving `directory`, without a trailing slash."""
    handler = functools.partial(handler_class, directory=str(directory))
    # Port 0: the kernel picks a free port, so parallel runs cannot collide.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
