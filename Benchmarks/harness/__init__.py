"""What bench.py (and images.py, through bench.py) measure with, split by stage:

  base      paths, logging, Debian tools, the measured binary, /usr/bin/time reports, medians
  sites     the generated sites, the bare-theme copy, room on disk, tmpfs and in memory, versions
  measure   one run under /usr/bin/time, the tools of a round, the rounds themselves
  report    the table of one size and the goals of issue 13
  websocket the client serve_latency.py listens to the live-reload channel with
"""
