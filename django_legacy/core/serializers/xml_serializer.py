"""The ``xml`` format (rebuilds django/core/serializers/xml_serializer.py of 0.96).

    <django-objects version="1.0">
      <object pk="1" model="app.article">
        <field type="CharField" name="headline">...</field>
        <field to="app.author" name="author" rel="ManyToOneRel">4</field>
        <field to="app.category" name="categories" rel="ManyToManyRel">
          <object pk="1"/> ...
        </field>
      </object>
    </django-objects>

An empty value is written as a <None/> element, an unsaved object's key
as pk="".
"""

from xml.dom import pulldom
from xml.sax.saxutils import XMLGenerator

from django_legacy.core.serializers import base
from django_legacy.db.models.fields.related import ManyToManyRel


class Serializer(base.Serializer):
    "Serializes objects to an XML string; ``indent`` (spaces per level) adds line breaks."

    def indent(self, level):
        if self.options.get('indent') is not None:
            self.xml.ignorableWhitespace('\n' + ' ' * self.options['indent'] * level)

    def quick_element(self, name, attrs=None):
        self.xml.startElement(name, attrs or {})
        self.xml.endElement(name)

    def start_serialization(self):
        self.xml = XMLGenerator(self.stream, 'utf-8', short_empty_elements=True)
        self.xml.startDocument()
        self.xml.startElement('django-objects', {'version': '1.0'})

    def end_serialization(self):
        self.indent(0)
        self.xml.endElement('django-objects')
        self.xml.endDocument()

    def start_object(self, obj):
        self.indent(1)
        self.xml.startElement('object', {'pk': base.pk_text(obj) or '',
                                         'model': base.model_label(type(obj))})

    def end_object(self, obj):
        self.indent(1)
        self.xml.endElement('object')

    def handle_field(self, obj, field):
        self.indent(2)
        self.xml.startElement('field', {'type': field.get_internal_type(), 'name': field.name})
        self._value(getattr(obj, field.attname))
        self.xml.endElement('field')

    def handle_fk_field(self, obj, field):
        self._start_relation(field)
        self._value(getattr(obj, field.attname))
        self.xml.endElement('field')

    def handle_m2m_field(self, obj, field):
        self._start_relation(field)
        for key in self.related_keys(obj, field):
            self.quick_element('object', {'pk': str(key)})
        self.xml.endElement('field')

    def _start_relation(self, field):
        self.indent(2)
        self.xml.startElement('field', {'to': base.model_label(field.rel.to),
                                        'name': field.name,
                                        'rel': type(field.rel).__name__})

    def _value(self, value):
        if value is None:
            self.quick_element('None')
        else:
            self.xml.characters(base.string_value(value))


def inner_text(node):
    "Returns the text of ``node`` and of every element inside it, joined."
    parts = []
    for child in node.childNodes:
        if child.nodeType in (child.TEXT_NODE, child.CDATA_SECTION_NODE):
            parts.append(child.data)
        elif child.nodeType == child.ELEMENT_NODE:
            parts.append(inner_text(child))
    return ''.join(parts)


def is_none(node):
    "Does the <field> node hold the <None/> element alone?"
    elements = [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE]
    return len(elements) == 1 and elements[0].nodeName == 'None'


class Deserializer:
    "Iterates over the <object> elements of an XML string or stream as DeserializedObjects."

    def __init__(self, stream_or_string, **options):
        self.options = options
        self.events = pulldom.parse(base.text_stream(stream_or_string))

    def __iter__(self):
        return self

    def __next__(self):
        for event, node in self.events:
            if event == pulldom.START_ELEMENT and node.nodeName == 'object':
                self.events.expandNode(node)
                return self._object(node)
        raise StopIteration

    def _object(self, node):
        model = base.get_model(node.getAttribute('model'))
        if not node.hasAttribute('pk'):
            raise base.DeserializationError("<object> node is missing the 'pk' attribute")
        pk = node.getAttribute('pk')
        pk = model._meta.pk.to_python(pk) if pk else None
        values, m2m_data = {}, {}
        for field_node in node.getElementsByTagName('field'):
            name = field_node.getAttribute('name')
            if not name:
                raise base.DeserializationError("<field> node is missing the 'name' attribute")
            field = base.get_field(model, name)
            if isinstance(field.rel, ManyToManyRel):
                to_python = field.rel.to._meta.pk.to_python
                m2m_data[field.name] = [to_python(child.getAttribute('pk'))
                                        for child in field_node.getElementsByTagName('object')]
            elif is_none(field_node):
                values[field.attname] = None
            else:
                target = field.rel.get_related_field() if field.rel is not None else field
                values[field.attname] = target.to_python(inner_text(field_node).strip())
        return base.build_object(model, pk, values, m2m_data)
