# benign: shape class hierarchy with super(), classmethods, staticmethods, polymorphism and mixins
import math


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")

    def perimeter(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name}: area={self.area():.3f} perimeter={self.perimeter():.3f}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, radius, name="circle"):
        super().__init__(name)
        self.radius = radius

    @classmethod
    def from_diameter(cls, d):
        return cls(d / 2, name="circle-from-diameter")

    def area(self):
        return math.pi * self.radius**2

    def perimeter(self):
        return 2 * math.pi * self.radius


class Rectangle(Shape):
    def __init__(self, w, h, name="rectangle"):
        super().__init__(name)
        self.w, self.h = w, h

    @staticmethod
    def is_valid(w, h):
        return w > 0 and h > 0

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side, name="square")

    def describe(self):
        return super().describe() + f" (side {self.w})"


class Triangle(Shape):
    def __init__(self, a, b, c):
        if not (a + b > c and a + c > b and b + c > a):
            raise ValueError(f"sides {a}, {b}, {c} violate the triangle inequality")
        Shape.__init__(self, "triangle")
        self.sides = (a, b, c)

    def perimeter(self):
        return sum(self.sides)

    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return math.sqrt(s * (s - a) * (s - b) * (s - c))


class ColorMixin:
    def __init__(self, *args, color="black", **kwargs):
        super().__init__(*args, **kwargs)
        self.color = color

    def describe(self):
        return f"[{self.color}] " + super().describe()


class ColoredCircle(ColorMixin, Circle):
    pass


class Abstract(Shape):
    pass


shapes = [Circle(1.5), Rectangle(3, 4), Square(2.5), Triangle(3, 4, 5), Circle.from_diameter(2),
          ColoredCircle(2, color="red")]
for s in shapes:
    print(s.describe())
print("sorted by area:", sorted(shapes))
print("largest:", max(shapes, key=lambda s: s.area()))
print("total area: %.4f" % sum(s.area() for s in shapes))
print("instances created:", Shape.count)
print("ColoredCircle is a:", [c.__name__ for c in (ColorMixin, Circle, Rectangle, Shape) if issubclass(ColoredCircle, c)])
print("isinstance checks:", isinstance(shapes[2], Rectangle), isinstance(shapes[2], Circle), issubclass(Square, Shape))
print("valid rectangle?", Rectangle.is_valid(3, 0), Rectangle.is_valid(1, 1))

for thunk in (lambda: Abstract("blob").area(), lambda: Triangle(1, 2, 10), lambda: Abstract("x").describe()):
    try:
        thunk()
    except (NotImplementedError, ValueError) as exc:
        print(f"{type(exc).__name__}: {exc}")


class Animal:
    sound = "..."
    registry = []

    def __init__(self, name):
        self.name = name
        type(self).registry.append(name)

    def speak(self):
        return f"{self.name} the {type(self).__name__.lower()} says {self.sound}"

    @classmethod
    def create_many(cls, *names):
        return [cls(n) for n in names]


class Dog(Animal):
    sound = "woof"
    registry = []


class Cat(Animal):
    sound = "meow"
    registry = []


class Puppy(Dog):
    sound = "yip"

    def speak(self):
        return super().speak() + " (wags tail)"


zoo = Dog.create_many("Rex", "Fido") + Cat.create_many("Tom") + [Puppy("Bit"), Animal("Generic")]
for a in zoo:
    print(a.speak())
print("registries:", Animal.registry, Dog.registry, Cat.registry)
print("class names:", sorted({type(a).__name__ for a in zoo}))
print("qualnames:", Puppy.speak.__qualname__, Animal.create_many.__qualname__)
