#!/usr/bin/env python3
"""What Python's json module (the trainer's reader: pycocotools does json.load on the file opened as
UTF-8 text) makes of each case below: accepted, or the error and its byte offset. For COCO cases, also
what pycocotools/mmdet then see (the last value of a repeated key wins).

Writes fixtures/json-python/cases.json; test/core/json/python-oracle.test.ts compares yw's streaming
reader with it, and re-runs this script when python3 is at hand to prove the file is current.
Usage: python3 scripts/json-oracle.py [OUT]   (OUT '-' for stdout)
"""
import json
import sys

SYNTAX = [
    ('object', b'{"a": 1}'),
    ('numbers', b'[1, -0, 0.5, 1e5, 1E+5, -1.5e-3, 123456789012345678901234567890]'),
    ('nan and infinities', b'[NaN, Infinity, -Infinity]'),
    ('repeated key', b'{"a": 1, "a": 2}'),
    ('escapes and a lone surrogate', b'["\\u00e9\\ud800", "\\"\\\\\\/\\b\\f\\n\\r\\t"]'),
    ('whitespace around', b'  \n [ ] \r\n\t'),
    ('multi-byte UTF-8', '["é€𝄞", "行人"]'.encode('utf-8')),
    ('empty', b''),
    ('only whitespace', b'  \n '),
    ('byte-order mark', b'\xef\xbb\xbf{}'),
    ('trailing comma in array', b'[1,]'),
    ('trailing comma in object', b'{"a": 1,}'),
    ('missing colon', b'{"a" 1}'),
    ('unquoted key', b'{a: 1}'),
    ('missing comma', b'[1 2]'),
    ('extra data', b'{"a": 1} x'),
    ('leading zero', b'[01]'),
    ('fraction without digits', b'[1.]'),
    ('fraction without digits at top level', b'1.'),
    ('exponent without digits', b'[1e+]'),
    ('second fraction', b'[1.5e3.2]'),
    ('plus sign', b'[+1]'),
    ('bare minus', b'[-]'),
    ('minus NaN', b'[-NaN]'),
    ('cut literal', b'[tru]'),
    ('cut Infinity', b'[Infinit]'),
    ('unterminated string', b'["abc'),
    ('control character in string', b'["a\tb"]'),
    ('bad escape', b'["\\x"]'),
    ('bad unicode escape', b'["\\u12G4"]'),
    ('cut inside an array', b'[1, 2'),
    ('cut after a key', b'{"a"'),
    ('cut after a colon', b'{"a":'),
    ('cut inside a number', b'[1.'),
    ('invalid UTF-8 start byte', b'["a\xffb"]'),
    ('overlong UTF-8', b'["\xc0\xaf"]'),
    ('UTF-8 surrogate', b'["\xed\xa0\x80"]'),
    ('cut UTF-8 sequence', b'["\xe2\x82"]'),
    ('deep but fine', b'[' * 100 + b']' * 100),
]

COCO = [
    ('two categories keys: the last wins', {
        'text': '{"images": [], "annotations": [], "categories": [{"id": 1, "name": "first"}], '
                '"categories": [{"id": 1, "name": "helmet"}, {"id": 2, "name": "head"}]}',
    }),
    ('repeated fields inside objects', {
        'text': '{"images": [{"id": 1, "file_name": "a.jpg", "file_name": "b.jpg"}], '
                '"annotations": [{"id": 1, "image_id": 1, "category_id": 2, "category_id": 1, '
                '"segmentation": [[1, 2, 3, 4, 5, 6]], "segmentation": []}], '
                '"categories": [{"id": 1, "name": "x", "name": "helmet"}]}',
    }),
    ('annotations given twice', {
        'text': '{"annotations": [{"category_id": 1}], "images": [{"id": 1, "file_name": "a.jpg"}], '
                '"categories": [{"id": 1, "name": "helmet"}], "annotations": []}',
    }),
    ('polygons, RLE and short rings', {
        'text': '{"images": [], "categories": [{"id": 3, "name": "helmet"}], "annotations": ['
                '{"category_id": 3, "segmentation": [[0, 0, 4, 0, 4, 4]]}, '
                '{"category_id": 3, "segmentation": [[0, 0, 4, 0], [1, 1, 2, 2, 3, 3]]}, '
                '{"category_id": 3, "segmentation": [[0, 0, 4, 0, 4]]}, '
                '{"category_id": 3, "segmentation": {"counts": "abc", "size": [4, 4]}}, '
                '{"category_id": 3, "segmentation": []}, {"category_id": 3}]}',
    }),
    ('NaN area and float ids', {
        'text': '{"images": [{"id": 1.0, "file_name": "a.jpg"}], "annotations": [{"category_id": 1.0, "area": NaN}], '
                '"categories": [{"id": 1, "name": "helmet"}]}',
    }),
]


def is_polygon(segmentation):
    return isinstance(segmentation, list) and any(
        isinstance(ring, list) and len(ring) >= 6 and len(ring) % 2 == 0 for ring in segmentation)


def outcome(data):
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as error:
        return {'error': 'UnicodeDecodeError', 'offset': error.start}, None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        offset = len(text[:error.pos].encode('utf-8', 'surrogatepass'))
        return {'error': error.msg, 'offset': offset}, None
    return {'ok': True}, value


def coco_view(doc):
    per_category = {}
    for a in doc['annotations']:
        per_category[str(a['category_id'])] = per_category.get(str(a['category_id']), 0) + 1
    return {
        'categories': [[c['id'], c['name']] for c in doc['categories']],
        'images': len(doc['images']),
        'annotations': len(doc['annotations']),
        'withPolygon': sum(1 for a in doc['annotations'] if is_polygon(a.get('segmentation'))),
        'perCategory': per_category,
        'sample': [i['file_name'] for i in doc['images']][:20],
    }


def main():
    cases = []
    for name, data in SYNTAX:
        python, _ = outcome(data)
        cases.append({'name': name, 'hex': data.hex(), 'python': python})
    for name, case in COCO:
        data = case['text'].encode('utf-8')
        python, value = outcome(data)
        cases.append({'name': name, 'hex': data.hex(), 'python': python, 'coco': coco_view(value)})
    out = json.dumps({'python': sys.version.split()[0], 'cases': cases}, indent=1, ensure_ascii=False) + '\n'
    target = sys.argv[1] if len(sys.argv) > 1 else 'fixtures/json-python/cases.json'
    if target == '-':
        sys.stdout.write(out)
    else:
        with open(target, 'w', encoding='utf-8') as f:
            f.write(out)


if __name__ == '__main__':
    main()
