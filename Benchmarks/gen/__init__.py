"""The generator of the benchmark sites, split by what it generates (generate.py is its command
line and the one entry point the other scripts import):

  common       seed, paths of the sample campaign, slug rule, YAML quoting, the Item written
  vocabulary   the campaign language sentences are drawn from; the ~100 units and ~200 tags
  prose        sentences, paragraphs, lists and story bodies
  stories      the N stories          people      the N/10 people
  milestones   the N/100 milestones   sample      what is read from the sample's data files
  thidua_site  content/ for thidua    hugo_site   the same items, config and theme for Hugo
"""
