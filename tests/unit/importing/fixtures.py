"""Spreadsheets as people really keep them, written by real libraries (openpyxl, xlwt, csv in legacy encodings)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl

CHINESE_ROWS = [
    ["上海华信（集团）有限公司", "张伟", 13812345678.0, dt.date(1980, 5, 6), "A类", "zw@huaxin.cn", "每月初送货"],
    ["上海华信(集团)有限公司", "李娜", "139-0000-1111", "1985年11月3日", "A", "", ""],
    ["", "王芳", "+86 186 1111 2222", "--03-14", "b级", "", "个人客户"],
    ["北京安达贸易", "赵磊", "12345", "", "C", "", ""],
    ["北京安达贸易", "钱进", "１３７ ００００ ０００１", 29347.0, "c", "", ""],
    ["深圳星辰科技", "孙悦", "0755-8888 9999 / 13700000002", "1990/2/30", "B", "", ""],
]


def chinese_workbook(path: Path) -> Path:
    """A legacy list: merged title, a note row, blank row, the header, data, a totals row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户名单"
    sheet.append(["2024年重点客户名单"])
    sheet.merge_cells("A1:G1")
    sheet.append(["制表：销售部", None, None, "更新日期：2024-01-05"])
    sheet.append([])
    sheet.append(["客户名称", "联系人", "手机号码", "出生日期", "客户等级", "电子邮箱", "备注"])
    for row in CHINESE_ROWS:
        sheet.append(row)
    sheet.append(["合计", "6 人"])
    other = book.create_sheet("说明")
    other.append(["本表仅供内部使用"])
    book.save(path)
    return path


OUTLOOK_HEADER = ["Title", "First Name", "Middle Name", "Last Name", "Company", "Job Title", "Business Street",
                  "Business City", "Business Phone", "Mobile Phone", "E-mail Address", "Birthday", "Notes"]


def outlook_csv(path: Path) -> Path:
    """Outlook's export: Windows-1252, month-first dates, "0/0/00" for no birthday."""
    rows = [
        OUTLOOK_HEADER,
        ["Mr.", "Jürgen", "", "Müller", "Müller Maschinenbau GmbH", "Einkaufsleiter", "Hauptstraße 5", "Zürich",
         "+41 44 668 18 00", "+49 171 1234567", "j.mueller@example.de", "5/6/1980", "Stammkunde"],
        ["Ms.", "Chloé", "", "Lefèvre", "Lefèvre & Fils", "Gérante", "12 rue de la Paix", "Paris",
         "+33 1 42 68 53 00", "", "chloe@example.fr", "0/0/00", ""],
        ["", "Ann", "", "Smith", "", "", "", "London", "", "+44 7911 123456", "ann@example.co.uk", "12/25/1975", ""],
    ]
    text = io.StringIO()
    import csv

    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode("cp1252"))
    return path


def google_csv(path: Path) -> Path:
    rows = [
        ["Name", "Given Name", "Family Name", "Birthday", "Notes", "Organization 1 - Name", "Organization 1 - Title",
         "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value"],
        ["Emma Clark", "Emma", "Clark", "--03-14", "met at fair", "Clark Foods Ltd", "Buyer", "emma@clark.example",
         "Mobile", "+44 7911 123457"],
        ["陈静", "静", "陈", "1988-08-08", "", "杭州博远科技有限公司", "采购经理", "chenjing@boyuan.cn", "Mobile",
         "186 0000 3333"],
    ]
    import csv

    text = io.StringIO()
    csv.writer(text).writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def gbk_csv(path: Path, delimiter: str = ",") -> Path:
    rows = [["公司名称", "姓名", "职务", "手机", "地址"],
            ["广州百川电子有限公司", "周杰", "总经理", "13600000001", "广州市天河区体育西路1号"],
            ["广州百川电子有限公司", "吴敏", "采购", "13600000002", "广州市天河区体育西路1号"]]
    path.write_bytes("\r\n".join(delimiter.join(r) for r in rows).encode("gbk"))
    return path


def xls_workbook(path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户")
    for c, value in enumerate(["单位", "联系人", "电话"]):
        sheet.write(0, c, value)
    sheet.write(1, 0, "成都龙腾汽配有限公司")
    sheet.write(1, 1, "郑浩")
    sheet.write(1, 2, 13900000009)
    book.save(str(path))
    return path


def zip_bomb(path: Path) -> Path:
    """A workbook-shaped archive whose sheet unpacks to 40 MB of zeros from a few kilobytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 << 20))
    return path


def entity_bomb(path: Path) -> Path:
    """A real workbook whose shared strings carry a "billion laughs" entity expansion."""
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "联系人"])
    book.active.append(["甲", "乙"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    laughs = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">'
                                        for i in range(1, 10)]
    bomb = ('<?xml version="1.0"?><!DOCTYPE sst [' + "".join(laughs) + ']>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
            '<si><t>&lol9;</t></si></sst>')
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                data = bomb.encode()
            target.writestr(item, data)
    plain.unlink()
    return path


def huge_dimension(path: Path) -> Path:
    """Three real rows and one stray cell at XFD1048576: the sheet claims 17 billion cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "联系人"])
    sheet.append(["甲公司", "乙"])
    sheet["XFD1048576"] = "x"
    book.save(path)
    return path


def encrypted_workbook(path: Path) -> Path:
    import msoffcrypto.format.ooxml

    plain = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["客户名称"])
    book.save(plain)
    plain.seek(0)
    with path.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", out)
    return path


def ledger_workbook(path: Path) -> Path:
    """A 台账 as offices keep it: the company merged down over its contacts' rows, an owner (业务员) column, stage,
    tags, last visit, two numbers in one cell, old 7-digit landlines, an extension, a bad email, a tier "VIP"."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["客户名称", "联系人", "电话", "邮箱", "地址", "客户等级", "业务员", "客户状态", "标签", "最近拜访",
                  "下次跟进"])
    sheet.append(["杭州远航贸易有限公司", "周敏", "0571-87654321 / 13587654321", "zhoumin@yuanhang.cn",
                  "浙江省杭州市西湖区文三路100号", "A类", "王芳", "活跃", "重点客户、老客户", dt.date(2026, 10, 8),
                  "2026-12-20"])
    sheet.append([None, "吴刚", "025-3474155", "wang@", None, None, None, None, None, None, None])
    sheet.append([None, "郑洁", "021-5555 0000 转 801", "", None, None, None, None, None, None, None])
    sheet.merge_cells("A2:A4")
    sheet.append(["南京长江机电", "陈立", "13900001111", "", "南京市鼓楼区中山路1号", "VIP", "李雷", "已流失", "",
                  "2026/13/45", ""])
    book.save(path)
    return path


def outlook_world_csv(path: Path) -> Path:
    """Outlook with a country column: US, German and Spanish numbers written nationally."""
    header = ["First Name", "Last Name", "Company", "Business Phone", "Mobile Phone", "Home Phone",
              "Business Country/Region", "E-mail Address", "E-mail 2 Address", "Categories"]
    rows = [
        header,
        ["John", "Doe", "Acme Corp", "(617) 555-0142", "", "617-555-0199", "United States", "john@acme.example",
         "jd@home.example", "VIP;Key account"],
        ["Hans", "Schmidt", "Schmidt AG", "030 1234567", "0171 2345678", "", "Germany", "hans@schmidt.example", "",
         ""],
        ["Lucía", "García", "García SL", "912 345 678", "612 345 678", "", "España", "lucia@garcia.example", "", ""],
    ]
    text = io.StringIO()
    import csv

    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode("cp1252"))
    return path


def google_multi_csv(path: Path) -> Path:
    """Google Contacts: several values of one field joined by " ::: "."""
    rows = [
        ["Name", "Organization 1 - Name", "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value",
         "E-mail 1 - Value", "Group Membership"],
        ["刘洋", "成都天府茶业", "Mobile", "+86 186 0000 1234 ::: +86 186 0000 5678", "Work", "028-8765 4321",
         "liu@tianfu.cn ::: liuyang@example.com", "* myContacts ::: 茶叶"],
    ]
    import csv

    text = io.StringIO()
    csv.writer(text).writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")
    return path
