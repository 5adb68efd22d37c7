import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.set(Group.objects.filter(name__in=names))


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name")
    sort_name = factory.LazyAttribute(lambda person: ", ".join(reversed(person.name.split(" ", 1))))
    slug = factory.Sequence(lambda n: f"person-{n}")
    affiliation = factory.Faker("company")

    class Meta:
        model = "cms.Person"
        django_get_or_create = ("slug", "locale")


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = "cms.Theme"
