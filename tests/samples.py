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
