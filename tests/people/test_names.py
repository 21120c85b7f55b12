from service.people import same_person
from service.people.names import fuller_name


def test_surname_matches_full_name() -> None:
    assert same_person("Shoigu", "Sergei Shoigu")
    assert same_person("Sergei Shoigu", "Shoigu's")


def test_different_surnames_are_different_people() -> None:
    assert not same_person("Anatoly Antonov", "Anatoly Serdyukov")


def test_different_given_names_are_different_people() -> None:
    assert not same_person("George Bush", "Laura Bush")


def test_transliteration_and_initial_variants() -> None:
    assert same_person("Sergey Lavrov", "Sergei Lavrov")
    assert same_person("Dmitriy Medvedev", "Dmitry Medvedev")
    assert same_person("G. Bush", "George Bush")
    assert same_person("Mr. Putin", "Vladimir Putin")


def test_empty_name_matches_nobody() -> None:
    assert not same_person("", "Shoigu")


def test_fuller_name_prefers_more_words() -> None:
    assert fuller_name("Shoigu", "Sergei Shoigu") == "Sergei Shoigu"
    assert fuller_name("Sergei Shoigu", "Shoigu") == "Sergei Shoigu"
