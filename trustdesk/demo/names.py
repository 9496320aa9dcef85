"""Made-up names and places for demo workspaces. Nobody here is a real person; partner
names follow the kinds of organisation the seeds describe, with e-mail domains under
``.example`` so that nothing in a demo can reach a real mailbox."""

FIRST_NAMES_FEMALE = (
    "Amelia Olivia Isla Ava Mia Ivy Lily Grace Sophia Freya Poppy Evie Ella Isabella Daisy "
    "Sienna Chloe Ruby Millie Emily Phoebe Lucy Erin Holly Megan Jessica Niamh Amber Aisha "
    "Zara Maryam Priya Amira Leah Caitlin Eleanor Harriet Scarlett Imogen Abigail Layla Nadia "
    "Keira Tilly Maisie Rosie Libby Jasmine Courtney Shannon"
).split()
FIRST_NAMES_MALE = (
    "Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob Thomas Alfie Freddie "
    "Archie Henry Theo Joshua Ethan Logan Mason Riley Callum Kieran Liam Connor Bradley "
    "Jordan Tyler Ryan Dylan Lewis Harvey Reece Ashton Kyle Mohammed Ibrahim Yusuf Arjun "
    "Rohan Kai Tyrese Jayden Elliot Finley Toby Sam Luke Owen Declan"
).split()
FIRST_NAMES_OTHER = "Alex Charlie Jamie Sam Robin Morgan Riley Taylor Jordan Casey".split()
LAST_NAMES = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Walker "
    "Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin "
    "Jackson Clarke Clark Turner Hill Scott Cooper Morris Ward Moore King Watson Baker "
    "Harrison Morgan Patel Young Allen Mitchell James Anderson Phillips Lee Bell Parker "
    "Davis Bennett Griffiths Shaw Lloyd Cartwright Bagnall Plant Salt Hollins Mellor Brindley "
    "Khan Hussain Begum Singh Kaur Ali Ahmed Okafor Mensah Nowak Kowalski Rahman"
).split()
ADULT_ROLES = (
    "Youth worker",
    "Senior youth worker",
    "Head of year",
    "Family support worker",
    "School nurse",
    "PCSO",
    "Neighbourhood sergeant",
    "Station manager",
    "Personal adviser",
    "Work coach",
    "YOT officer",
    "Project coordinator",
    "Volunteer lead",
    "Chair",
    "Deputy head",
    "Health visitor",
)

# Outward postcodes by district, so demo young people live where their locality is.
POSTCODE_DISTRICTS = {
    "CAN": ("WS11", "WS12", "WS15"),
    "EST": ("DE13", "DE14", "DE15", "ST14"),
    "LIC": ("WS7", "WS13", "WS14", "B78"),
    "NUL": ("ST5", "ST7"),
    "SST": ("WS6", "WV5", "WV6", "WV8", "DY7", "ST19"),
    "STA": ("ST15", "ST16", "ST17", "ST18", "ST20", "ST21"),
    "SMO": ("ST8", "ST9", "ST10", "ST13"),
    "TAM": ("B77", "B78", "B79"),
}
FE_COLLEGES = (
    "South Staffordshire College",
    "Stafford College",
    "Burton and South Derbyshire College",
    "Newcastle-under-Lyme College",
    "Leek College",
)
SCHOOL_NAMES = (
    "Highfield Primary School",
    "Oak Hill Primary School",
    "Holly Grove Primary School",
    "St Joseph's Catholic Primary School",
    "Springhill Academy",
    "Ridgeway Primary School",
    "Park Hall Academy",
)

# (partner type, name pattern); {loc} is the locality, {dist} its district.
PARTNERS = (
    ("youth", "Staffordshire Youth Service ({loc} team)"),
    ("youth", "{loc} Youth Centre"),
    ("council", "Children's Services ({dist} district)"),
    ("council", "{loc} Children's Centre"),
    ("council", "Family Support Team ({dist})"),
    ("school", "{loc} High School"),
    ("health", "School Nursing Service ({dist})"),
    ("health", "Young People's Health Drop-in"),
    ("police", "Staffordshire Police: {loc} Safer Neighbourhood Team"),
    ("fire", "Staffordshire Fire and Rescue Service ({loc} station)"),
    ("connexions", "Connexions Staffordshire ({dist})"),
    ("jcp", "Jobcentre Plus ({dist})"),
    ("yot", "Youth Offending Service ({dist})"),
    ("vcs", "Bay Leaf Growing Project"),
    ("vcs", "{loc} Scouts and Guides"),
    ("vcs", "Home-Start {dist}"),
    ("vcs", "{loc} Community Association"),
    ("vcs", "Young Carers Staffordshire"),
    ("vcs", "{loc} Juniors Football Club"),
    ("vcs", "Teenage Parents Support Network"),
    ("vcs", "St Matthew's Church Hall Trust"),
    ("private", "Peak Edge Climbing Wall Ltd"),
    ("private", "StreetBeat Dance Academy"),
    ("parents", "{loc} Parents' Forum"),
)

CONTACT_SUMMARIES = (
    "Agreed dates for the next block of sessions.",
    "Asked for two staff for the summer programme.",
    "Shared the attendance figures for last month.",
    "Discussed a referral route for young people at risk of exclusion.",
    "Followed up on the missing risk assessment.",
    "Invited them to the next locality group meeting.",
    "Arranged use of the hall for half-term.",
    "Talked through the shadow board's feedback on opening times.",
    "Offered places on the first-aid course.",
    "Chased the signed partnership agreement.",
    "Planned joint outreach on the estate on Friday nights.",
    "Confirmed the minibus booking.",
)
VOICE = (
    (
        "We want somewhere to go on Friday nights that isn't the park.",
        "Youth club opening extended to 10pm on Fridays.",
    ),
    (
        "The bus stops coming too early in winter; it's dark by five.",
        "Tour bus moved to an earlier slot from November to February.",
    ),
    (
        "Rooms in care homes should feel more homely, with fewer people.",
        "Fed back to the shadow board and the county placement review.",
    ),
    (
        "The climbing was the best thing we did all summer - can we do it again?",
        "Climbing added to the October half-term programme.",
    ),
    (
        "We don't feel safe walking past the shops at night.",
        "Raised with the Safer Neighbourhood Team; extra patrols agreed.",
    ),
    (
        "Healthy eating sessions should let us cook, not just listen.",
        "Bay Leaf sessions now end with cooking what was grown.",
    ),
    (
        "Moving up to big school is scary when you don't know anyone.",
        "Transition buddies from Year 7 added to the scheme.",
    ),
    (
        "The drop-in needs a crèche or we can't come.",
        "Children's Centre now provides a crèche during the drop-in.",
    ),
    (
        "We want to help plan the summer programme, not just turn up.",
        "Young people's planning group set up in May.",
    ),
    ("Careers advice comes too late - we need it in Year 9.", ""),
    (
        "Posters about the clubs never reach the villages.",
        "Clubs now advertised through the school newsletters and on the bus.",
    ),
)
VOICE_WHO = (
    "Youth club members (13-16)",
    "Shadow board members",
    "Year 6 pupils on the transition scheme",
    "Young parents at the drop-in",
    "Young people on the tour bus",
    "Summer programme participants",
    "Young carers group",
)
CASE_STUDIES = (
    (
        "From the park bench to peer mentor",
        "A young person aged 15 was known to the Safer Neighbourhood Team for anti-social behaviour "
        "on the estate. Youth workers from the tour bus engaged them over several weeks; they joined "
        "the Friday club, completed a first-aid certificate and now help run the junior session as a "
        "peer mentor. Police report no further incidents.",
        ("safe", "contribute"),
    ),
    (
        "Settling in at high school",
        "A Year 6 pupil with high anxiety about moving schools joined the transition scheme. Visits to "
        "the high school with a youth worker and a Year 7 buddy meant that attendance in the first "
        "term was above 95% and the family reported the child was happy and settled.",
        ("enjoy", "safe"),
    ),
    (
        "Back into learning",
        "A young parent aged 17 came to the drop-in for health advice. With the crèche in place and "
        "support from a Connexions personal adviser, they enrolled on a part-time college course and "
        "completed the first year.",
        ("economic", "healthy"),
    ),
    (
        "Growing confidence",
        "A young carer aged 13 joined the Bay Leaf project. Growing and cooking food with others gave "
        "them a break from caring and new friends; they gained a food hygiene certificate and now "
        "cook a healthy meal at home each week.",
        ("healthy", "enjoy"),
    ),
    (
        "A voice on the board",
        "A looked-after young person aged 16 joined the shadow board and presented the group's views "
        "on placements to the district board. Their recommendation for smaller, more homely units "
        "was taken into the county's placement strategy.",
        ("contribute",),
    ),
)
SPEND_NOTES = {
    "clothing": (
        "Walking boots for the DofE expedition",
        "School uniform grant",
        "Waterproof jacket",
    ),
    "travel": (
        "Bus fares to college interview",
        "Train fare to the regional youth forum",
        "Taxi home after late session",
    ),
    "course-fees": (
        "First-aid course fee",
        "Food hygiene certificate fee",
        "DofE registration fee",
    ),
    "equipment": (
        "Seeds and compost for Bay Leaf",
        "Football kit for street sport",
        "Art materials",
    ),
    "food": ("Refreshments for the shadow board", "Ingredients for the cooking session"),
    "venue": ("Hall hire for the fun day", "Sports hall hire for half-term"),
    "other": (
        "Printing of consultation leaflets",
        "Certificates and frames for the awards evening",
    ),
}
ACTION_TEXTS = (
    "Circulate the summer programme timetable to all schools",
    "Find a venue for the teenage parents drop-in",
    "Invite the police to present crime figures for the estate",
    "Draft a joint risk assessment for the fun day",
    "Report shadow board feedback to the district board",
    "Contact the missing partners (JCP, FE college) about joining the group",
    "Agree how partners will share attendance records",
    "Apply to the district small grants fund",
    "Produce a leaflet listing all local activities",
    "Review transport for rural young people",
    "Set up a referral route from schools to the youth service",
    "Collect case studies for the quarterly return",
)
