"""Sample documents shared by several test modules."""

#: A short news page: furniture, headline, byline, four paragraphs, a share bar.
#: ``{place}`` varies it between documents.
ARTICLE_TEMPLATE = (
    "Skip to main content\n\nHome | News | Sport\n\nCouncil approves new budget for {place}\n\nBy Jane Smith\n\n"
    "The council of {place} approved the new budget on Monday after a long debate that ran late into the night, "
    "officials said.\n\n"
    "The plan raises spending on schools and roads by a tenth over the next two years, and the mayor said the money "
    "would come from savings elsewhere.\n\n"
    "Opposition members voted against the plan, saying it left too little for housing and public transport in the "
    "poorer districts of the city.\n\n"
    "The budget will be reviewed again in the spring, when the council expects new figures on tax receipts.\n\n"
    "Share:\n"
)

#: Plain news paragraphs, a sentence each, all different.
PARAGRAPHS = [
    "The city council voted on Tuesday to raise the budget for road repairs by a fifth next year.",
    "Residents had complained for months about potholes on the main roads leading into the centre.",
    "The mayor said the money would come from savings in the administration rather than new taxes.",
    "Work on the first streets is due to start in March and should be finished before the summer.",
    "Opposition members said the plan came too late and asked for a full list of the roads concerned.",
    "A spokesman for the council said the list would be published on its website within two weeks.",
    "Shop owners in the old town welcomed the decision but asked that the works avoid the busy season.",
    "The budget for public transport stays the same, which the bus drivers' union called a missed chance.",
    "Last year the council spent less than half of what neighbouring towns of a similar size spent on roads.",
    "The vote was carried by twenty-one votes to fourteen after a debate that lasted more than three hours.",
    "The first contracts will be awarded in January, and local firms have been invited to put in offers.",
]

#: An article as a main-content extractor writes it: prose, then a show's times and a share line.
EXTRACTED_ARTICLE = """A palace drama returns to the stage

The musical about the Joseon court returns for a third season, with a new cast and a rewritten second act, \
the theatre said on Monday.

Its director said the story of the palace would be told from the side of the servants this time, and that \
the songs had been arranged again.

Jeongdong Theater Tradition Series
2018.04.05 ~ OPEN RUN
Tue – Sat 4PM (Closed on Sun & Mon)
Viewing age of 48 months and above

Share this article"""
