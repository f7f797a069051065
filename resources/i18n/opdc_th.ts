<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en_US">
    <context>
        <name>Actions</name>
        <message>
            <source>Export as WAR&amp;C…</source>
            <translation>ส่งออกเป็น WARC… (&amp;C)</translation>
        </message>
        <message>
            <source>Save the selected articles, or the whole list, with their originals as a web archive (WARC) file</source>
            <translation>บันทึกบทความที่เลือกไว้ หรือทั้งรายการ พร้อมต้นฉบับ เป็นไฟล์คลังเว็บ (WARC)</translation>
        </message>
        <message>
            <source>Copy &amp;Citation</source>
            <translation>คัดลอกการอ้างอิง (&amp;C)</translation>
        </message>
        <message>
            <source>Copy the APA citation of the selected articles, or of the open article</source>
            <translation>คัดลอกการอ้างอิงแบบ APA ของบทความที่เลือกไว้ หรือของบทความที่เปิดอยู่</translation>
        </message>
        <message>
            <source>Copy Citation &amp;As…</source>
            <translation>คัดลอกการอ้างอิงเป็น… (&amp;A)</translation>
        </message>
        <message>
            <source>Copy the citations as APA, CSL-JSON, BibTeX or RIS</source>
            <translation>คัดลอกการอ้างอิงในรูปแบบ APA, CSL-JSON, BibTeX หรือ RIS</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>นำเข้าไฟล์… (&amp;I)</translation>
        </message>
        <message>
            <source>Import pages, feeds or zip bundles into the archive</source>
            <translation>นำเข้าหน้าเว็บ ฟีด หรือไฟล์ zip เข้าคลังข่าว</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>นำเข้าโฟลเดอร์… (&amp;F)</translation>
        </message>
        <message>
            <source>Import every page in a folder and its subfolders</source>
            <translation>นำเข้าทุกหน้าในโฟลเดอร์และโฟลเดอร์ย่อย</translation>
        </message>
        <message>
            <source>&amp;Sources…</source>
            <translation>แหล่งข่าว… (&amp;S)</translation>
        </message>
        <message>
            <source>The feeds and pages the archive follows: add, edit, remove, see each one&apos;s state</source>
            <translation>ฟีดและหน้าเว็บที่คลังติดตาม: เพิ่ม แก้ไข ลบ และดูสถานะของแต่ละแหล่ง</translation>
        </message>
        <message>
            <source>&amp;Refresh Sources Now</source>
            <translation>ดึงข่าวจากแหล่งข่าวเดี๋ยวนี้ (&amp;R)</translation>
        </message>
        <message>
            <source>Fetch the followed sources now, politely, in the background</source>
            <translation>ดึงข่าวจากแหล่งที่ติดตามเดี๋ยวนี้ อย่างสุภาพ ในเบื้องหลัง</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>พิมพ์… (&amp;P)</translation>
        </message>
        <message>
            <source>Print the open article</source>
            <translation>พิมพ์บทความที่เปิดอยู่</translation>
        </message>
        <message>
            <source>Print Pre&amp;view…</source>
            <translation>ดูตัวอย่างก่อนพิมพ์… (&amp;V)</translation>
        </message>
        <message>
            <source>Show how the open article will look on paper</source>
            <translation>แสดงบทความที่เปิดอยู่ตามที่จะพิมพ์ลงกระดาษ</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>บันทึกเป็น PDF… (&amp;D)</translation>
        </message>
        <message>
            <source>Save the open article as a PDF file</source>
            <translation>บันทึกบทความที่เปิดอยู่เป็นไฟล์ PDF</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>ออกจากโปรแกรม (&amp;Q)</translation>
        </message>
        <message>
            <source>Close OPDC Reader</source>
            <translation>ปิดโปรแกรม OPDC Reader</translation>
        </message>
        <message>
            <source>&amp;Search…</source>
            <translation>ค้นหา… (&amp;S)</translation>
        </message>
        <message>
            <source>Move to the search box and search the archive</source>
            <translation>ไปที่ช่องค้นหาและค้นหาในคลังข่าว</translation>
        </message>
        <message>
            <source>Sa&amp;ve Search…</source>
            <translation>บันทึกการค้นหา… (&amp;V)</translation>
        </message>
        <message>
            <source>Keep the current search and its filters under a name in the sidebar</source>
            <translation>เก็บคำค้นและตัวกรองปัจจุบันไว้ในแถบด้านข้างภายใต้ชื่อที่ตั้ง</translation>
        </message>
        <message>
            <source>Pr&amp;eferences…</source>
            <translation>การตั้งค่า… (&amp;E)</translation>
        </message>
        <message>
            <source>Language, theme, dates and text size</source>
            <translation>ภาษา ธีม รูปแบบวันที่ และขนาดตัวอักษร</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>ขยายตัวอักษร (&amp;I)</translation>
        </message>
        <message>
            <source>Make the text larger</source>
            <translation>ทำให้ตัวอักษรใหญ่ขึ้น</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>ย่อตัวอักษร (&amp;O)</translation>
        </message>
        <message>
            <source>Make the text smaller</source>
            <translation>ทำให้ตัวอักษรเล็กลง</translation>
        </message>
        <message>
            <source>&amp;Normal Size</source>
            <translation>ขนาดปกติ (&amp;N)</translation>
        </message>
        <message>
            <source>Show the text at 100%</source>
            <translation>แสดงตัวอักษรที่ขนาด 100%</translation>
        </message>
        <message>
            <source>Scale the Whole &amp;Interface</source>
            <translation>ปรับขนาดทั้งหน้าจอ (&amp;I)</translation>
        </message>
        <message>
            <source>Apply the text size to menus, lists and buttons too</source>
            <translation>ใช้ขนาดตัวอักษรกับเมนู รายการ และปุ่มด้วย</translation>
        </message>
        <message>
            <source>Follow the &amp;System</source>
            <translation>ตามระบบ (&amp;S)</translation>
        </message>
        <message>
            <source>Use light or dark colours as the desktop does</source>
            <translation>ใช้สีสว่างหรือสีมืดตามการตั้งค่าของเดสก์ท็อป</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>สว่าง (&amp;L)</translation>
        </message>
        <message>
            <source>Dark text on a light background</source>
            <translation>ตัวอักษรสีเข้มบนพื้นสว่าง</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>มืด (&amp;D)</translation>
        </message>
        <message>
            <source>Light text on a dark background</source>
            <translation>ตัวอักษรสีอ่อนบนพื้นมืด</translation>
        </message>
        <message>
            <source>&amp;High Contrast</source>
            <translation>ความคมชัดสูง (&amp;H)</translation>
        </message>
        <message>
            <source>White and yellow text on black</source>
            <translation>ตัวอักษรสีขาวและสีเหลืองบนพื้นดำ</translation>
        </message>
        <message>
            <source>Show Dates in &amp;Common Era</source>
            <translation>แสดงวันที่เป็นคริสต์ศักราช (&amp;C)</translation>
        </message>
        <message>
            <source>Show years as 2013 instead of 2556</source>
            <translation>แสดงปีเป็น 2013 แทน 2556</translation>
        </message>
        <message>
            <source>Next &amp;Pane</source>
            <translation>ส่วนถัดไป (&amp;P)</translation>
        </message>
        <message>
            <source>Move the focus to the next part of the window</source>
            <translation>ย้ายโฟกัสไปยังส่วนถัดไปของหน้าต่าง</translation>
        </message>
        <message>
            <source>Pre&amp;vious Pane</source>
            <translation>ส่วนก่อนหน้า (&amp;V)</translation>
        </message>
        <message>
            <source>Move the focus to the previous part of the window</source>
            <translation>ย้ายโฟกัสไปยังส่วนก่อนหน้าของหน้าต่าง</translation>
        </message>
        <message>
            <source>Show the &amp;Library</source>
            <translation>แสดงคลังข่าว (&amp;L)</translation>
        </message>
        <message>
            <source>Show or hide the library of groups, years, categories and tags</source>
            <translation>แสดงหรือซ่อนคลังข่าวที่จัดตามกลุ่ม ปี หมวดหมู่ และแท็ก</translation>
        </message>
        <message>
            <source>Show the Article Li&amp;st</source>
            <translation>แสดงรายการบทความ (&amp;S)</translation>
        </message>
        <message>
            <source>Show or hide the search and the list of articles</source>
            <translation>แสดงหรือซ่อนการค้นหาและรายการบทความ</translation>
        </message>
        <message>
            <source>&amp;Reading Mode</source>
            <translation>โหมดอ่าน (&amp;R)</translation>
        </message>
        <message>
            <source>The article alone, filling the window</source>
            <translation>แสดงเฉพาะบทความเต็มหน้าต่าง</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>เต็มจอ (&amp;F)</translation>
        </message>
        <message>
            <source>The window fills the screen, without its title bar and the desktop&apos;s panels</source>
            <translation>หน้าต่างเต็มจอ ไม่มีแถบชื่อหน้าต่างและแผงของเดสก์ท็อป</translation>
        </message>
        <message>
            <source>Make the Pane Lar&amp;ger</source>
            <translation>ขยายส่วนนี้ (&amp;G)</translation>
        </message>
        <message>
            <source>Give the part of the window with the focus more room (the part beside it gets less)</source>
            <translation>ให้ส่วนของหน้าต่างที่มีโฟกัสมีพื้นที่มากขึ้น (ส่วนที่อยู่ข้างกันจะเล็กลง)</translation>
        </message>
        <message>
            <source>Make the Pane S&amp;maller</source>
            <translation>ย่อส่วนนี้ (&amp;M)</translation>
        </message>
        <message>
            <source>Give the part of the window with the focus less room (the part beside it gets more)</source>
            <translation>ให้ส่วนของหน้าต่างที่มีโฟกัสมีพื้นที่น้อยลง (ส่วนที่อยู่ข้างกันจะใหญ่ขึ้น)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>ย้อนกลับ (&amp;B)</translation>
        </message>
        <message>
            <source>When the window shows one page at a time: back from the article to the list</source>
            <translation>เมื่อหน้าต่างแสดงทีละหน้า: ย้อนจากบทความกลับไปที่รายการ</translation>
        </message>
        <message>
            <source>&amp;Bookmark</source>
            <translation>บุ๊กมาร์ก (&amp;B)</translation>
        </message>
        <message>
            <source>Bookmark the open article</source>
            <translation>บุ๊กมาร์กบทความที่เปิดอยู่</translation>
        </message>
        <message>
            <source>&amp;Tags…</source>
            <translation>แท็ก… (&amp;T)</translation>
        </message>
        <message>
            <source>Add or remove tags of the open article</source>
            <translation>เพิ่มหรือลบแท็กของบทความที่เปิดอยู่</translation>
        </message>
        <message>
            <source>&amp;Note…</source>
            <translation>บันทึกย่อ… (&amp;N)</translation>
        </message>
        <message>
            <source>Write a personal note about the open article</source>
            <translation>เขียนบันทึกย่อส่วนตัวเกี่ยวกับบทความที่เปิดอยู่</translation>
        </message>
        <message>
            <source>&amp;Highlight Selection…</source>
            <translation>เน้นข้อความที่เลือก… (&amp;H)</translation>
        </message>
        <message>
            <source>Highlight the selected passage of the article, with an optional note</source>
            <translation>เน้นข้อความที่เลือกในข่าว พร้อมบันทึก (ไม่บังคับ)</translation>
        </message>
        <message>
            <source>Re&amp;move Highlight</source>
            <translation>ลบการเน้นข้อความ (&amp;M)</translation>
        </message>
        <message>
            <source>Remove the highlight at the cursor</source>
            <translation>ลบการเน้นข้อความตรงตำแหน่งเคอร์เซอร์</translation>
        </message>
        <message>
            <source>Compare &amp;Versions…</source>
            <translation>เปรียบเทียบฉบับ… (&amp;V)</translation>
        </message>
        <message>
            <source>Show what changed between two versions of the open article</source>
            <translation>แสดงสิ่งที่เปลี่ยนไประหว่างสองฉบับของข่าวที่เปิดอยู่</translation>
        </message>
        <message>
            <source>Open &amp;Source Link</source>
            <translation>เปิดลิงก์ต้นฉบับ (&amp;S)</translation>
        </message>
        <message>
            <source>Open the article&apos;s web page in the browser</source>
            <translation>เปิดหน้าเว็บของบทความในเบราว์เซอร์</translation>
        </message>
        <message>
            <source>&amp;Keys and Help</source>
            <translation>แป้นพิมพ์และวิธีใช้ (&amp;K)</translation>
        </message>
        <message>
            <source>How to use OPDC Reader, with every key</source>
            <translation>วิธีใช้ OPDC Reader พร้อมแป้นพิมพ์ทุกคำสั่ง</translation>
        </message>
        <message>
            <source>&amp;Recover Archive…</source>
            <translation>กู้คืนคลังข่าว… (&amp;R)</translation>
        </message>
        <message>
            <source>Rebuild a damaged catalog from its backups, journal and original files</source>
            <translation>สร้างสารบบที่เสียหายขึ้นใหม่จากสำเนาสำรอง บันทึกการเปลี่ยนแปลง และไฟล์ต้นฉบับ</translation>
        </message>
        <message>
            <source>&amp;About OPDC Reader</source>
            <translation>เกี่ยวกับ OPDC Reader (&amp;A)</translation>
        </message>
        <message>
            <source>Version and licence of OPDC Reader</source>
            <translation>รุ่นและสัญญาอนุญาตของ OPDC Reader</translation>
        </message>
        <message>
            <source>Export to &amp;Word…</source>
            <translation>ส่งออกเป็นไฟล์ Word… (&amp;W)</translation>
        </message>
        <message>
            <source>Save the open article as a Word document with its citation</source>
            <translation>บันทึกบทความที่เปิดอยู่เป็นเอกสาร Word พร้อมการอ้างอิง</translation>
        </message>
        <message>
            <source>Export the &amp;List as a Report…</source>
            <translation>ส่งออกรายการเป็นรายงาน… (&amp;L)</translation>
        </message>
        <message>
            <source>Save the articles in the list as one Word or PDF report with a cover, contents and citations</source>
            <translation>บันทึกบทความในรายการเป็นรายงาน Word หรือ PDF ฉบับเดียว พร้อมปก สารบัญ และการอ้างอิง</translation>
        </message>
        <message>
            <source>Print at &amp;Reading Size</source>
            <translation>พิมพ์ตามขนาดตัวอักษรที่อ่าน (&amp;R)</translation>
        </message>
        <message>
            <source>Print and export at the text size you read with, not the official 16 pt</source>
            <translation>พิมพ์และส่งออกด้วยขนาดตัวอักษรที่คุณใช้อ่าน แทนขนาดทางราชการ 16 พอยต์</translation>
        </message>
    </context>
    <context>
        <name>Appearance</name>
        <message>
            <source>Text size %1%</source>
            <translation>ขนาดตัวอักษร %1%</translation>
        </message>
        <message>
            <source>Text size: %1%</source>
            <translation>ขนาดตัวอักษร: %1%</translation>
        </message>
    </context>
    <context>
        <name>Citing</name>
        <message>
            <source>APA 7 (Thai items as Thai libraries write them)</source>
            <translation>APA 7 (รายการภาษาไทยตามแบบที่ห้องสมุดไทยใช้)</translation>
        </message>
        <message>
            <source>CSL-JSON (Zotero, Pandoc)</source>
            <translation>CSL-JSON (สำหรับ Zotero, Pandoc)</translation>
        </message>
        <message>
            <source>BibTeX (biblatex)</source>
            <translation>BibTeX (สำหรับ biblatex)</translation>
        </message>
        <message>
            <source>RIS (EndNote, Mendeley)</source>
            <translation>RIS (สำหรับ EndNote, Mendeley)</translation>
        </message>
        <message>
            <source>Choose an article to cite first.</source>
            <translation>เลือกบทความที่จะอ้างอิงก่อน</translation>
        </message>
        <message>
            <source>Citation copied: %1</source>
            <translation>คัดลอกการอ้างอิงแล้ว: %1</translation>
        </message>
        <message>
            <source>Citations of %1 articles copied</source>
            <translation>คัดลอกการอ้างอิงของบทความ %1 รายการแล้ว</translation>
        </message>
        <message>
            <source>Copy Citation As</source>
            <translation>คัดลอกการอ้างอิงเป็น</translation>
        </message>
        <message>
            <source>Citation format:</source>
            <translation>รูปแบบการอ้างอิง:</translation>
        </message>
        <message>
            <source>The list is empty: there is nothing to export.</source>
            <translation>รายการว่างเปล่า ไม่มีบทความให้ส่งออก</translation>
        </message>
        <message>
            <source>News archive</source>
            <translation>คลังข่าว</translation>
        </message>
        <message>
            <source>Export as WARC</source>
            <translation>ส่งออกเป็น WARC</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Version %1</source>
            <translation>ฉบับที่ %1</translation>
        </message>
        <message>
            <source>&amp;Next Change</source>
            <translation>จุดที่เปลี่ยนถัดไป (&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Previous Change</source>
            <translation>จุดที่เปลี่ยนก่อนหน้า (&amp;P)</translation>
        </message>
        <message>
            <source>Next change (F3)</source>
            <translation>จุดที่เปลี่ยนถัดไป (F3)</translation>
        </message>
        <message>
            <source>Previous change (Shift+F3)</source>
            <translation>จุดที่เปลี่ยนก่อนหน้า (Shift+F3)</translation>
        </message>
        <message>
            <source>Compare Versions</source>
            <translation>เปรียบเทียบฉบับ</translation>
        </message>
        <message>
            <source>&amp;Older version:</source>
            <translation>ฉบับเก่า (&amp;O):</translation>
        </message>
        <message>
            <source>N&amp;ewer version:</source>
            <translation>ฉบับใหม่ (&amp;E):</translation>
        </message>
        <message>
            <source>Older version</source>
            <translation>ฉบับเก่า</translation>
        </message>
        <message>
            <source>Newer version</source>
            <translation>ฉบับใหม่</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>ความแตกต่าง</translation>
        </message>
        <message>
            <source>The newer text, with deleted words struck through and inserted words underlined</source>
            <translation>ข้อความฉบับใหม่ คำที่ถูกลบมีเส้นขีดทับ คำที่เพิ่มมีเส้นใต้</translation>
        </message>
        <message>
            <source>Version %1 to version %2: %3 words deleted, %4 words inserted.</source>
            <translation>ฉบับที่ %1 ถึงฉบับที่ %2: ลบ %3 คำ เพิ่ม %4 คำ</translation>
        </message>
        <message>
            <source>[deleted: </source>
            <translation>[ลบ: </translation>
        </message>
        <message>
            <source>[inserted: </source>
            <translation>[เพิ่ม: </translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>Web archives (*.warc.gz)</source>
            <translation>ไฟล์คลังเว็บ (*.warc.gz)</translation>
        </message>
        <message>
            <source>Writing article %1 of %2 to the web archive</source>
            <translation>กำลังเขียนบทความที่ %1 จาก %2 ลงไฟล์คลังเว็บ</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>ความคืบหน้าการส่งออก</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>ยกเลิกการส่งออก</translation>
        </message>
        <message>
            <source>Stop writing the file; nothing is saved</source>
            <translation>หยุดเขียนไฟล์ และไม่บันทึกสิ่งใด</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>เอกสาร Word (*.docx)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>ไฟล์ PDF (*.pdf)</translation>
        </message>
        <message>
            <source>An export is already running.</source>
            <translation>กำลังส่งออกอยู่แล้ว</translation>
        </message>
        <message>
            <source>Exporting to %1…</source>
            <translation>กำลังส่งออกไปยัง %1…</translation>
        </message>
        <message>
            <source>Reading the articles…</source>
            <translation>กำลังอ่านบทความ…</translation>
        </message>
        <message>
            <source>Writing the Word document…</source>
            <translation>กำลังเขียนเอกสาร Word…</translation>
        </message>
        <message>
            <source>Laying out article %1 of %2</source>
            <translation>กำลังจัดหน้าบทความที่ %1 จาก %2</translation>
        </message>
        <message>
            <source>Writing page %1 of %2</source>
            <translation>กำลังเขียนหน้า %1 จาก %2</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>บันทึก %1 แล้ว</translation>
        </message>
        <message>
            <source>Only the first %1 of %2 articles in the list were exported.</source>
            <translation>ส่งออกเฉพาะ %1 บทความแรกจากทั้งหมด %2 บทความในรายการ</translation>
        </message>
        <message>
            <source>%1 articles are no longer in the archive and were left out.</source>
            <translation>มี %1 บทความที่ไม่อยู่ในคลังข่าวแล้ว จึงไม่ได้ส่งออก</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was saved.</source>
            <translation>ยกเลิกการส่งออกแล้ว ไม่มีการบันทึกไฟล์</translation>
        </message>
        <message>
            <source>The file could not be saved: %1</source>
            <translation>บันทึกไฟล์ไม่ได้: %1</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>ส่งออก</translation>
        </message>
    </context>
    <context>
        <name>Following</name>
        <message>
            <source>New since you last looked (%1)</source>
            <translation>ใหม่ตั้งแต่ดูครั้งล่าสุด (%1)</translation>
        </message>
        <message>
            <source>%1 – not fetched</source>
            <translation>%1 – ดึงไม่สำเร็จ</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>ยินดีต้อนรับ</translation>
        </message>
        <message>
            <source>The archive holds the sample articles. Follow the news of the OPDC (สำนักงาน ก.พ.ร.) so new articles arrive by themselves, or import files you have?</source>
            <translation>คลังมีเพียงบทความตัวอย่าง ต้องการติดตามข่าวของสำนักงาน ก.พ.ร. เพื่อให้บทความใหม่เข้ามาเอง หรือนำเข้าไฟล์ที่มีอยู่?</translation>
        </message>
        <message>
            <source>Start filling the archive</source>
            <translation>เริ่มเติมข่าวเข้าคลัง</translation>
        </message>
        <message>
            <source>&amp;Follow OPDC&apos;s News</source>
            <translation>ติดตามข่าว ก.พ.ร. (&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>นำเข้าไฟล์… (&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Not Now</source>
            <translation>ไว้ภายหลัง (&amp;N)</translation>
        </message>
        <message>
            <source>Following %1 OPDC sources; their news is fetched in the background</source>
            <translation>ติดตามแหล่งข่าวของ ก.พ.ร. %1 แหล่ง ข่าวจะถูกดึงในเบื้องหลัง</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <source>Move to the next or previous control</source>
            <translation>ไปยังตัวควบคุมถัดไปหรือก่อนหน้า</translation>
        </message>
        <message>
            <source>Move between the library, the search box, the list and the article</source>
            <translation>ย้ายระหว่างคลังข่าว ช่องค้นหา รายการ และบทความ</translation>
        </message>
        <message>
            <source>In the list: open the article and move to its text</source>
            <translation>ในรายการ: เปิดบทความและไปยังเนื้อหา</translation>
        </message>
        <message>
            <source>When the article fills the window: back to the list</source>
            <translation>เมื่อบทความเต็มหน้าต่าง: กลับไปที่รายการ</translation>
        </message>
        <message>
            <source>Move by row in the list, by line in the article</source>
            <translation>เลื่อนทีละแถวในรายการ ทีละบรรทัดในบทความ</translation>
        </message>
        <message>
            <source>Move by word in the article, Thai words included</source>
            <translation>เลื่อนทีละคำในบทความ รวมถึงคำภาษาไทย</translation>
        </message>
        <message>
            <source>Go to the start or end of the article</source>
            <translation>ไปยังต้นหรือท้ายบทความ</translation>
        </message>
        <message>
            <source>File</source>
            <translation>แฟ้ม</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>แก้ไข</translation>
        </message>
        <message>
            <source>View</source>
            <translation>มุมมอง</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>บทความ</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>ช่วยเหลือ</translation>
        </message>
        <message>
            <source>Every command is in the menus (F10 or Alt opens them) and has a key. Text size: Ctrl++ and Ctrl+-. With the whole interface scaled, the window turns into pages when the panes no longer fit side by side.</source>
            <translation>ทุกคำสั่งอยู่ในเมนู (กด F10 หรือ Alt เพื่อเปิดเมนู) และมีแป้นลัด ขนาดตัวอักษร: Ctrl++ และ Ctrl+- เมื่อปรับขนาดทั้งหน้าจอจนส่วนต่าง ๆ วางเคียงกันไม่ได้ หน้าต่างจะแสดงทีละหน้า</translation>
        </message>
        <message>
            <source>Menu %1</source>
            <translation>เมนู%1</translation>
        </message>
        <message>
            <source>OPDC Reader help</source>
            <translation>วิธีใช้ OPDC Reader</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>ข้อความวิธีใช้</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>About OPDC Reader</source>
            <translation>เกี่ยวกับ OPDC Reader</translation>
        </message>
        <message>
            <source>OPDC Reader %1
An accessible reader and archive for Thai government news.</source>
            <translation>OPDC Reader %1
โปรแกรมอ่านและจัดเก็บข่าวภาครัฐไทยที่ทุกคนเข้าถึงได้</translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message>
            <source>An import is already running.</source>
            <translation>กำลังนำเข้าอยู่แล้ว</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>กำลังนำเข้า</translation>
        </message>
        <message>
            <source>Preparing the import…</source>
            <translation>กำลังเตรียมการนำเข้า…</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>ยกเลิก (&amp;C)</translation>
        </message>
        <message>
            <source>Import progress</source>
            <translation>ความคืบหน้าการนำเข้า</translation>
        </message>
        <message>
            <source>Import files</source>
            <translation>นำเข้าไฟล์</translation>
        </message>
        <message>
            <source>Pages, feeds, bundles and web archives (*.txt *.htm *.html *.xml *.rss *.atom *.zip *.warc *.warc.gz);;All files (*)</source>
            <translation>หน้าเว็บ ฟีด ชุดไฟล์ และไฟล์คลังเว็บ (*.txt *.htm *.html *.xml *.rss *.atom *.zip *.warc *.warc.gz);;ทุกไฟล์ (*)</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>นำเข้าโฟลเดอร์</translation>
        </message>
        <message>
            <source>Importing %1 (%2)</source>
            <translation>กำลังนำเข้า %1 (%2)</translation>
        </message>
        <message>
            <source>The import stopped: %1</source>
            <translation>การนำเข้าหยุดลง: %1</translation>
        </message>
        <message>
            <source>New articles: %1</source>
            <translation>บทความใหม่: %1</translation>
        </message>
        <message>
            <source>New versions: %1</source>
            <translation>ฉบับปรับปรุงใหม่: %1</translation>
        </message>
        <message>
            <source>Already in the archive: %1</source>
            <translation>มีอยู่ในคลังแล้ว: %1</translation>
        </message>
        <message>
            <source>Could not be read: %1</source>
            <translation>อ่านไม่ได้: %1</translation>
        </message>
        <message>
            <source>Left out (web archive records that are not pages): %1</source>
            <translation>ข้ามไป (ระเบียนในไฟล์คลังเว็บที่ไม่ใช่หน้าเว็บ): %1</translation>
        </message>
        <message>
            <source>The import was cancelled; what was imported is kept.</source>
            <translation>ยกเลิกการนำเข้าแล้ว ส่วนที่นำเข้าไปแล้วยังเก็บไว้</translation>
        </message>
        <message>
            <source>Files that could not be read:</source>
            <translation>ไฟล์ที่อ่านไม่ได้:</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>นำเข้า</translation>
        </message>
        <message>
            <source>Import summary</source>
            <translation>สรุปผลการนำเข้า</translation>
        </message>
    </context>
    <context>
        <name>IndexController</name>
        <message>
            <source>Updating the search index: %1 of %2</source>
            <translation>กำลังปรับปรุงดัชนีค้นหา: %1 จาก %2</translation>
        </message>
        <message>
            <source>Search index updated (%1 articles)</source>
            <translation>ปรับปรุงดัชนีค้นหาแล้ว (%1 บทความ)</translation>
        </message>
    </context>
    <context>
        <name>Listing</name>
        <message numerus="yes">
            <source>%n article(s) found</source>
            <translation>
                <numerusform>พบ %n บทความ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n บทความ</numerusform>
            </translation>
        </message>
        <message>
            <source>The archive can no longer be read: %1</source>
            <translation>อ่านคลังข่าวไม่ได้แล้ว: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n new article(s) in the archive</source>
            <translation>
                <numerusform>มีบทความใหม่ %n บทความในคลังข่าว</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OPDC Reader</source>
            <translation>OPDC Reader โปรแกรมอ่านข่าว ก.พ.ร.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>แฟ้ม (&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>แก้ไข (&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>มุมมอง (&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>ธีม (&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>บทความ (&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ช่วยเหลือ (&amp;H)</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>แถบเครื่องมือหลัก</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>ขนาดตัวอักษร</translation>
        </message>
        <message>
            <source>Size of the article text; Ctrl+= and Ctrl+- change it, Ctrl+0 resets</source>
            <translation>ขนาดตัวอักษรของบทความ กด Ctrl+= หรือ Ctrl+- เพื่อปรับ และ Ctrl+0 เพื่อคืนค่าเดิม</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>รายการบทความ</translation>
        </message>
        <message>
            <source>Articles in the chosen group or matching the search; Enter reads one</source>
            <translation>บทความในกลุ่มที่เลือกหรือที่ตรงกับคำค้น กด Enter เพื่ออ่าน</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>ชื่อเรื่อง</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>วันที่</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>หมวดหมู่</translation>
        </message>
        <message>
            <source>Found text</source>
            <translation>ข้อความที่พบ</translation>
        </message>
        <message>
            <source>Importing the sample articles…</source>
            <translation>กำลังนำเข้าบทความตัวอย่าง…</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note</source>
            <translation>บันทึกย่อ</translation>
        </message>
        <message>
            <source>&amp;Your note about this article:</source>
            <translation>บันทึกย่อของคุณเกี่ยวกับบทความนี้ (&amp;Y):</translation>
        </message>
        <message>
            <source>Note text</source>
            <translation>ข้อความบันทึกย่อ</translation>
        </message>
        <message>
            <source>Your own words about the article; Tab moves to the buttons</source>
            <translation>ข้อความของคุณเองเกี่ยวกับบทความ กด Tab เพื่อไปยังปุ่ม</translation>
        </message>
    </context>
    <context>
        <name>OpenArticle</name>
        <message>
            <source>This posting holds only its headline (and its pictures).</source>
            <translation>ข่าวนี้มีเพียงหัวข้อข่าว (และรูปภาพ)</translation>
        </message>
        <message>
            <source>The page stops mid-text: the copy that was imported is cut off.</source>
            <translation>หน้านี้จบกลางข้อความ: สำเนาที่นำเข้าถูกตัดขาด</translation>
        </message>
        <message>
            <source>The page has no headline; its first words stand in for one.</source>
            <translation>หน้านี้ไม่มีหัวข้อข่าว จึงใช้ถ้อยคำแรกของเนื้อหาแทน</translation>
        </message>
        <message>
            <source>That article is no longer in the archive.</source>
            <translation>บทความนี้ไม่มีอยู่ในคลังแล้ว</translation>
        </message>
        <message>
            <source>Bookmarked</source>
            <translation>บุ๊กมาร์กแล้ว</translation>
        </message>
        <message>
            <source>Bookmark removed</source>
            <translation>นำบุ๊กมาร์กออกแล้ว</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>แท็ก</translation>
        </message>
        <message>
            <source>Tags of this article, separated by commas:</source>
            <translation>แท็กของบทความนี้ คั่นด้วยเครื่องหมายจุลภาค:</translation>
        </message>
    </context>
    <context>
        <name>Output</name>
        <message>
            <source>Printing</source>
            <translation>การพิมพ์</translation>
        </message>
        <message>
            <source>Export to Word</source>
            <translation>ส่งออกเป็นไฟล์ Word</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>บันทึกเป็น PDF</translation>
        </message>
        <message>
            <source>The list is empty: there is nothing to export.</source>
            <translation>รายการว่างเปล่า ไม่มีบทความให้ส่งออก</translation>
        </message>
        <message>
            <source>News report</source>
            <translation>รายงานข่าว</translation>
        </message>
        <message>
            <source>Export the list as a report</source>
            <translation>ส่งออกรายการเป็นรายงาน</translation>
        </message>
    </context>
    <context>
        <name>Panes</name>
        <message>
            <source>Move to a pane that has another beside it (F6), then resize it</source>
            <translation>ย้ายไปยังส่วนที่มีส่วนอื่นอยู่ข้างกันก่อน (F6) แล้วจึงปรับขนาด</translation>
        </message>
        <message>
            <source>%1 is as large as it can be</source>
            <translation>%1 ขยายได้สุดแล้ว</translation>
        </message>
        <message>
            <source>%1 is as small as it can be</source>
            <translation>%1 ย่อได้สุดแล้ว</translation>
        </message>
        <message>
            <source>%1: %2% of the window width</source>
            <translation>%1: %2% ของความกว้างหน้าต่าง</translation>
        </message>
        <message>
            <source>%1: %2% of the window height</source>
            <translation>%1: %2% ของความสูงหน้าต่าง</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>คลังข่าว</translation>
        </message>
        <message>
            <source>Article list</source>
            <translation>รายการบทความ</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>บทความ</translation>
        </message>
        <message>
            <source>Article list and article</source>
            <translation>รายการบทความและบทความ</translation>
        </message>
    </context>
    <context>
        <name>Passages</name>
        <message>
            <source>Select some of the article&apos;s text first, then highlight it.</source>
            <translation>เลือกข้อความในเนื้อข่าวก่อน แล้วจึงเน้นข้อความ</translation>
        </message>
        <message>
            <source>Highlight</source>
            <translation>เน้นข้อความ</translation>
        </message>
        <message>
            <source>Note for this passage (optional):</source>
            <translation>บันทึกสำหรับข้อความนี้ (ไม่บังคับ):</translation>
        </message>
        <message>
            <source>Passage highlighted</source>
            <translation>เน้นข้อความแล้ว</translation>
        </message>
        <message>
            <source>There is no highlight at the cursor.</source>
            <translation>ไม่มีข้อความที่เน้นตรงตำแหน่งเคอร์เซอร์</translation>
        </message>
        <message>
            <source>Highlight removed</source>
            <translation>ลบการเน้นข้อความแล้ว</translation>
        </message>
        <message>
            <source>Highlight: %1</source>
            <translation>ข้อความที่เน้น: %1</translation>
        </message>
        <message>
            <source>note: %1</source>
            <translation>บันทึก: %1</translation>
        </message>
        <message>
            <source>Type a search first, then save it.</source>
            <translation>พิมพ์คำค้นก่อน แล้วจึงบันทึกการค้นหา</translation>
        </message>
        <message>
            <source>Save Search</source>
            <translation>บันทึกการค้นหา</translation>
        </message>
        <message>
            <source>Name for this search:</source>
            <translation>ชื่อของการค้นหานี้:</translation>
        </message>
        <message>
            <source>Search saved as %1</source>
            <translation>บันทึกการค้นหาชื่อ %1 แล้ว</translation>
        </message>
        <message>
            <source>%1: %2 new since you last opened it</source>
            <translation>%1: ใหม่ %2 รายการตั้งแต่เปิดครั้งก่อน</translation>
        </message>
        <message>
            <source>This article has only one version.</source>
            <translation>ข่าวนี้มีเพียงฉบับเดียว</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>การตั้งค่า</translation>
        </message>
        <message>
            <source>As the system (Thai on a Thai system)</source>
            <translation>ตามระบบ (ภาษาไทยเมื่อระบบเป็นภาษาไทย)</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>ตามระบบ</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>สว่าง</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>มืด</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>ความคมชัดสูง</translation>
        </message>
        <message>
            <source>Buddhist Era (26 สิงหาคม 2556)</source>
            <translation>พุทธศักราช (26 สิงหาคม 2556)</translation>
        </message>
        <message>
            <source>Common Era (26 สิงหาคม 2013)</source>
            <translation>คริสต์ศักราช (26 สิงหาคม 2013)</translation>
        </message>
        <message>
            <source>Scale the whole &amp;interface with the text size</source>
            <translation>ปรับขนาดทั้งหน้าจอตามขนาดตัวอักษร (&amp;I)</translation>
        </message>
        <message>
            <source>Menus, lists and buttons grow with the text, not only the article</source>
            <translation>เมนู รายการ และปุ่มขยายตามตัวอักษรด้วย ไม่ใช่เฉพาะบทความ</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>ภาษา (&amp;L)</translation>
        </message>
        <message>
            <source>Language of menus and messages; applies at once</source>
            <translation>ภาษาของเมนูและข้อความ มีผลทันที</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>ธีม (&amp;T)</translation>
        </message>
        <message>
            <source>Colours of the window</source>
            <translation>สีของหน้าต่าง</translation>
        </message>
        <message>
            <source>&amp;Dates</source>
            <translation>วันที่ (&amp;D)</translation>
        </message>
        <message>
            <source>Era used to show years</source>
            <translation>ศักราชที่ใช้แสดงปี</translation>
        </message>
        <message>
            <source>Text &amp;size</source>
            <translation>ขนาดตัวอักษร (&amp;S)</translation>
        </message>
        <message>
            <source>Size of the article text, 50% to 400%</source>
            <translation>ขนาดตัวอักษรของบทความ ตั้งแต่ 50% ถึง 400%</translation>
        </message>
        <message>
            <source>&amp;Print and export at this text size</source>
            <translation>พิมพ์และส่งออกด้วยขนาดตัวอักษรนี้ (&amp;P)</translation>
        </message>
        <message>
            <source>Paper, PDF and Word use this size instead of the official 16 pt</source>
            <translation>กระดาษ PDF และ Word ใช้ขนาดนี้แทนขนาดทางราชการ 16 พอยต์</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Article text</source>
            <translation>เนื้อหาบทความ</translation>
        </message>
        <message>
            <source>The open article. Ctrl+Left and Ctrl+Right move by word, Thai words included.</source>
            <translation>บทความที่เปิดอยู่ กด Ctrl+ลูกศรซ้าย หรือ Ctrl+ลูกศรขวา เพื่อเลื่อนทีละคำ รวมถึงคำภาษาไทย</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>หมวดหมู่</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>แท็ก</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>บันทึกย่อ</translation>
        </message>
        <message>
            <source>Credits</source>
            <translation>ผู้จัดทำ</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>ที่มา</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>ฉบับต่าง ๆ</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>ฉบับที่ %1</translation>
        </message>
        <message>
            <source>version %1 of %2</source>
            <translation>ฉบับที่ %1 จาก %2</translation>
        </message>
        <message>
            <source>Choose an article from the list to read it here.</source>
            <translation>เลือกบทความจากรายการเพื่ออ่านที่นี่</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>The archive is damaged</source>
            <translation>คลังข่าวเสียหาย</translation>
        </message>
        <message>
            <source>The archive&apos;s catalog is damaged (%1).

Nothing has been changed. OPDC Reader can rebuild the catalog from its automatic backups, its journal of changes and the original files; the damaged file is kept aside, not deleted.

Recover the archive now?</source>
            <translation>สารบบของคลังข่าวเสียหาย (%1)

ยังไม่มีสิ่งใดถูกเปลี่ยนแปลง OPDC Reader สามารถสร้างสารบบขึ้นใหม่จากสำเนาสำรองอัตโนมัติ บันทึกการเปลี่ยนแปลง และไฟล์ต้นฉบับได้ ไฟล์ที่เสียหายจะถูกเก็บแยกไว้ ไม่ถูกลบ

กู้คืนคลังข่าวตอนนี้หรือไม่</translation>
        </message>
        <message>
            <source>&amp;Recover Now</source>
            <translation>กู้คืนตอนนี้ (&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>ภายหลัง (&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>ออก (&amp;Q)</translation>
        </message>
        <message>
            <source>Recover Archive</source>
            <translation>กู้คืนคลังข่าว</translation>
        </message>
        <message>
            <source>Rebuild the archive&apos;s catalog from its newest sound backup, its journal of changes and the original files?

Use this when the archive reports damage. The present catalog is kept aside, not deleted. The window reopens the archive afterwards.</source>
            <translation>สร้างสารบบของคลังข่าวขึ้นใหม่จากสำเนาสำรองล่าสุดที่ยังสมบูรณ์ บันทึกการเปลี่ยนแปลง และไฟล์ต้นฉบับหรือไม่

ใช้เมื่อคลังข่าวแจ้งว่าเสียหาย สารบบปัจจุบันจะถูกเก็บแยกไว้ ไม่ถูกลบ แล้วหน้าต่างจะเปิดคลังข่าวใหม่อีกครั้ง</translation>
        </message>
        <message>
            <source>Recovering the archive…</source>
            <translation>กำลังกู้คืนคลังข่าว…</translation>
        </message>
        <message>
            <source>The archive could not be recovered: %1</source>
            <translation>กู้คืนคลังข่าวไม่ได้: %1</translation>
        </message>
        <message>
            <source>The archive now holds %1 articles.</source>
            <translation>ขณะนี้คลังข่าวมี %1 บทความ</translation>
        </message>
        <message>
            <source>Started from the backup %1.</source>
            <translation>เริ่มจากสำเนาสำรอง %1</translation>
        </message>
        <message>
            <source>No sound backup was found: started from an empty catalog.</source>
            <translation>ไม่พบสำเนาสำรองที่สมบูรณ์ จึงเริ่มจากสารบบว่าง</translation>
        </message>
        <message>
            <source>Changes replayed from the journal: %1.</source>
            <translation>การเปลี่ยนแปลงที่นำกลับมาจากบันทึก: %1 รายการ</translation>
        </message>
        <message>
            <source>Articles extracted again from their original files: %1.</source>
            <translation>บทความที่อ่านใหม่จากไฟล์ต้นฉบับ: %1 บทความ</translation>
        </message>
        <message>
            <source>The damaged catalog is kept in %1.</source>
            <translation>สารบบที่เสียหายเก็บไว้ที่ %1</translation>
        </message>
        <message>
            <source>Not everything could be rebuilt (%1 problems), for example: %2</source>
            <translation>สร้างกลับคืนไม่ได้ทั้งหมด (%1 ปัญหา) เช่น: %2</translation>
        </message>
    </context>
    <context>
        <name>SearchNotice</name>
        <message>
            <source>A closing quote was missing; the phrase runs to the end of the query.</source>
            <translation>ไม่มีเครื่องหมายคำพูดปิด จึงถือว่าวลีต่อไปจนจบคำค้น</translation>
        </message>
        <message>
            <source>OR needs a word on each side; it was ignored.</source>
            <translation>OR ต้องมีคำทั้งสองข้าง จึงไม่นำมาใช้</translation>
        </message>
        <message>
            <source>OR at the end of the query was ignored.</source>
            <translation>ไม่ได้ใช้ OR ที่อยู่ท้ายคำค้น</translation>
        </message>
        <message>
            <source>A lone &apos;-&apos; was ignored.</source>
            <translation>ไม่ได้ใช้เครื่องหมาย &apos;-&apos; ที่อยู่โดด ๆ</translation>
        </message>
        <message>
            <source>Could not read the date &apos;%1&apos;; use 2556, 2013, 2020-01-31 or 2556..2560.</source>
            <translation>อ่านวันที่ &apos;%1&apos; ไม่ได้ ให้เขียนแบบ 2556, 2013, 2020-01-31 หรือ 2556..2560</translation>
        </message>
        <message>
            <source>The date range %1 runs backwards; searched %2.</source>
            <translation>ช่วงวันที่ %1 กลับหัวกลับหาง จึงค้นช่วง %2 แทน</translation>
        </message>
        <message>
            <source>The dates in the query and the year filters do not overlap: nothing can match.</source>
            <translation>วันที่ในคำค้นกับตัวกรองปีไม่ซ้อนทับกัน จึงไม่มีบทความใดตรงได้</translation>
        </message>
        <message>
            <source>Only exclusions were given: showing everything else.</source>
            <translation>มีแต่คำที่ให้ยกเว้น จึงแสดงบทความอื่นทั้งหมด</translation>
        </message>
        <message>
            <source>Nothing to search for: type a word, a phrase or a date.</source>
            <translation>ไม่มีอะไรให้ค้น พิมพ์คำ วลี หรือวันที่</translation>
        </message>
        <message>
            <source>The search could not run: %1</source>
            <translation>ค้นหาไม่สำเร็จ: %1</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search titles and text (Ctrl+F)</source>
            <translation>ค้นหาชื่อเรื่องและเนื้อหา (Ctrl+F)</translation>
        </message>
        <message>
            <source>F&amp;ilters</source>
            <translation>ตัวกรอง (&amp;I)</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>ตัวกรอง</translation>
        </message>
        <message>
            <source>Show or hide the year, category, language and order filters</source>
            <translation>แสดงหรือซ่อนตัวกรองปี หมวดหมู่ ภาษา และการเรียงลำดับ</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>ค้นหา</translation>
        </message>
        <message>
            <source>Type words to search the archive; results appear as you type</source>
            <translation>พิมพ์คำเพื่อค้นหาในคลังข่าว ผลลัพธ์จะแสดงขณะพิมพ์</translation>
        </message>
        <message>
            <source>Ca&amp;tegory</source>
            <translation>หมวดหมู่ (&amp;T)</translation>
        </message>
        <message>
            <source>From &amp;year</source>
            <translation>ตั้งแต่ปี (&amp;Y)</translation>
        </message>
        <message>
            <source>To yea&amp;r</source>
            <translation>ถึงปี (&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>ภาษา (&amp;L)</translation>
        </message>
        <message>
            <source>S&amp;ort by</source>
            <translation>เรียงตาม (&amp;O)</translation>
        </message>
        <message>
            <source>Only articles from this year on</source>
            <translation>เฉพาะบทความตั้งแต่ปีนี้เป็นต้นไป</translation>
        </message>
        <message>
            <source>Only articles up to this year</source>
            <translation>เฉพาะบทความจนถึงปีนี้</translation>
        </message>
        <message>
            <source>Only articles of this category</source>
            <translation>เฉพาะบทความในหมวดหมู่นี้</translation>
        </message>
        <message>
            <source>Only articles in this language</source>
            <translation>เฉพาะบทความในภาษานี้</translation>
        </message>
        <message>
            <source>Order of the results</source>
            <translation>ลำดับของผลการค้นหา</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>ทุกปี</translation>
        </message>
        <message>
            <source>All languages</source>
            <translation>ทุกภาษา</translation>
        </message>
        <message>
            <source>Thai</source>
            <translation>ภาษาไทย</translation>
        </message>
        <message>
            <source>English</source>
            <translation>ภาษาอังกฤษ</translation>
        </message>
        <message>
            <source>Best match</source>
            <translation>ตรงที่สุด</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>ใหม่ที่สุดก่อน</translation>
        </message>
        <message>
            <source>Result count</source>
            <translation>จำนวนผลลัพธ์</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>ทุกหมวดหมู่</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Library</source>
            <translation>คลังข่าว</translation>
        </message>
        <message>
            <source>Groups of articles: all, new since you last looked, by year, by category, bookmarks, tags, collections, followed sources, recent imports, saved searches and highlights</source>
            <translation>กลุ่มของข่าว: ทั้งหมด ข่าวใหม่ตั้งแต่ครั้งก่อน ตามปี ตามหมวด ที่คั่นไว้ แท็ก ชุดข่าว แหล่งข่าวที่ติดตาม การนำเข้าล่าสุด การค้นหาที่บันทึกไว้ และข้อความที่เน้น</translation>
        </message>
        <message>
            <source>All articles (%1)</source>
            <translation>บทความทั้งหมด (%1)</translation>
        </message>
        <message>
            <source>Bookmarks (%1)</source>
            <translation>บุ๊กมาร์ก (%1)</translation>
        </message>
        <message>
            <source>By year</source>
            <translation>ตามปี</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>ตามหมวดหมู่</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>แท็ก</translation>
        </message>
        <message>
            <source>Collections</source>
            <translation>ชุดสะสม</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>แหล่งข่าว</translation>
        </message>
        <message>
            <source>Recent imports</source>
            <translation>การนำเข้าล่าสุด</translation>
        </message>
        <message>
            <source>Saved searches</source>
            <translation>การค้นหาที่บันทึกไว้</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>ข้อความที่เน้น</translation>
        </message>
        <message>
            <source>Followed feeds and pages; Enter manages them</source>
            <translation>ฟีดและหน้าเว็บที่ติดตาม กด Enter เพื่อจัดการ</translation>
        </message>
        <message>
            <source>%1 (%2, %3 new)</source>
            <translation>%1 (%2, ใหม่ %3)</translation>
        </message>
    </context>
    <context>
        <name>SourceForm</name>
        <message>
            <source>Find out (fetch it once)</source>
            <translation>ตรวจดูเอง (ดึงหนึ่งครั้ง)</translation>
        </message>
        <message>
            <source>Feed (RSS or Atom)</source>
            <translation>ฟีด (RSS หรือ Atom)</translation>
        </message>
        <message>
            <source>Listing page (a list of news links)</source>
            <translation>หน้ารายการข่าว (รายการลิงก์ข่าว)</translation>
        </message>
        <message>
            <source>Single page</source>
            <translation>หน้าเดียว</translation>
        </message>
        <message>
            <source>Every hour</source>
            <translation>ทุกชั่วโมง</translation>
        </message>
        <message>
            <source>Every 3 hours</source>
            <translation>ทุก 3 ชั่วโมง</translation>
        </message>
        <message>
            <source>Every 6 hours</source>
            <translation>ทุก 6 ชั่วโมง</translation>
        </message>
        <message>
            <source>Every 12 hours</source>
            <translation>ทุก 12 ชั่วโมง</translation>
        </message>
        <message>
            <source>Once a day</source>
            <translation>วันละครั้ง</translation>
        </message>
        <message>
            <source>Edit Source</source>
            <translation>แก้ไขแหล่งข่าว</translation>
        </message>
        <message>
            <source>Add Source</source>
            <translation>เพิ่มแหล่งข่าว</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>ที่อยู่เว็บ (&amp;A):</translation>
        </message>
        <message>
            <source>The web address of the feed or page</source>
            <translation>ที่อยู่เว็บของฟีดหรือหน้าเว็บ</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>ชื่อ (&amp;N):</translation>
        </message>
        <message>
            <source>What the sidebar calls it (optional)</source>
            <translation>ชื่อที่แสดงในแถบข้าง (ไม่ใส่ก็ได้)</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>ชนิด (&amp;K):</translation>
        </message>
        <message>
            <source>What the address is</source>
            <translation>ที่อยู่นี้เป็นอะไร</translation>
        </message>
        <message>
            <source>&amp;Look for news:</source>
            <translation>ตรวจหาข่าว (&amp;L):</translation>
        </message>
        <message>
            <source>How often to fetch it</source>
            <translation>ดึงข่าวบ่อยเพียงใด</translation>
        </message>
    </context>
    <context>
        <name>SourceState</name>
        <message>
            <source>%1 h</source>
            <translation>%1 ชั่วโมง</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 นาที</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 วินาที</translation>
        </message>
        <message>
            <source>a login is needed</source>
            <translation>ต้องเข้าสู่ระบบ</translation>
        </message>
        <message>
            <source>access is forbidden</source>
            <translation>ไม่อนุญาตให้เข้าถึง</translation>
        </message>
        <message>
            <source>no such page</source>
            <translation>ไม่พบหน้านี้</translation>
        </message>
        <message>
            <source>the page was removed</source>
            <translation>หน้านี้ถูกลบแล้ว</translation>
        </message>
        <message>
            <source>too many requests</source>
            <translation>ขอข้อมูลถี่เกินไป</translation>
        </message>
        <message>
            <source>the server failed</source>
            <translation>เซิร์ฟเวอร์ขัดข้อง</translation>
        </message>
        <message>
            <source>the server&apos;s gateway failed</source>
            <translation>เกตเวย์ของเซิร์ฟเวอร์ขัดข้อง</translation>
        </message>
        <message>
            <source>busy or down for maintenance</source>
            <translation>ไม่ว่างหรือปิดปรับปรุงอยู่</translation>
        </message>
        <message>
            <source>%1 new, %2 changed</source>
            <translation>ใหม่ %1 รายการ เปลี่ยนแปลง %2 รายการ</translation>
        </message>
        <message>
            <source>%1; %2 could not be stored: %3</source>
            <translation>%1; เก็บไม่ได้ %2 รายการ: %3</translation>
        </message>
        <message>
            <source>%1 answered %2</source>
            <translation>%1 ตอบกลับด้วยรหัส %2</translation>
        </message>
        <message>
            <source>%1; it asked us to come back in %2</source>
            <translation>%1; ขอให้กลับมาใหม่ในอีก %2</translation>
        </message>
        <message>
            <source>%1 is %2, more than the %3 limit; not downloaded</source>
            <translation>%1 มีขนาด %2 เกินขีดจำกัด %3 จึงไม่ได้ดาวน์โหลด</translation>
        </message>
        <message>
            <source>%1 is more than the %2 limit; the download was stopped</source>
            <translation>%1 มีขนาดเกินขีดจำกัด %2 จึงหยุดดาวน์โหลด</translation>
        </message>
        <message>
            <source>Not changed since the last visit</source>
            <translation>ไม่มีการเปลี่ยนแปลงตั้งแต่ครั้งที่แล้ว</translation>
        </message>
        <message>
            <source>Offline: no network; fetched again when it is back</source>
            <translation>ออฟไลน์: ไม่มีเครือข่าย จะดึงใหม่เมื่อเครือข่ายกลับมา</translation>
        </message>
        <message>
            <source>The site&apos;s robots.txt asks programs not to fetch %1; it is not fetched</source>
            <translation>ไฟล์ robots.txt ของเว็บไซต์ขอไม่ให้โปรแกรมดึง %1 จึงไม่ได้ดึง</translation>
        </message>
        <message>
            <source>%1/robots.txt answered %2; nothing is fetched from this site until it can be read</source>
            <translation>%1/robots.txt ตอบกลับด้วยรหัส %2 จะไม่ดึงสิ่งใดจากเว็บไซต์นี้จนกว่าจะอ่านไฟล์นี้ได้</translation>
        </message>
        <message>
            <source>%1 took more than %2 to download; stopped</source>
            <translation>%1 ใช้เวลาดาวน์โหลดนานกว่า %2 จึงหยุด</translation>
        </message>
        <message>
            <source>%1 redirects more than %2 times; not followed further</source>
            <translation>%1 เปลี่ยนเส้นทางเกิน %2 ครั้ง จึงไม่ตามต่อ</translation>
        </message>
        <message>
            <source>%1 leads to %2: only http and https addresses are fetched</source>
            <translation>%1 พาไปที่ %2: ดึงได้เฉพาะที่อยู่ http และ https</translation>
        </message>
        <message>
            <source>No connection to %1 within %2</source>
            <translation>เชื่อมต่อ %1 ไม่ได้ภายใน %2</translation>
        </message>
        <message>
            <source>%1 stopped answering (nothing for %2)</source>
            <translation>%1 หยุดตอบกลับ (ไม่มีข้อมูลมานาน %2)</translation>
        </message>
        <message>
            <source>The proxy refused or failed to reach %1 (%2)</source>
            <translation>พร็อกซีปฏิเสธหรือเข้าถึง %1 ไม่ได้ (%2)</translation>
        </message>
        <message>
            <source>The secure connection to %1 cannot be trusted (%2). Nothing was fetched. If your office uses its own certificate authority, install it in the system&apos;s certificate store.</source>
            <translation>การเชื่อมต่อที่ปลอดภัยกับ %1 เชื่อถือไม่ได้ (%2) จึงไม่ได้ดึงสิ่งใด หากสำนักงานของคุณใช้ผู้ออกใบรับรองของตนเอง ให้ติดตั้งใบรับรองนั้นในที่เก็บใบรับรองของระบบ</translation>
        </message>
        <message>
            <source>Cannot reach %1 (%2)</source>
            <translation>ติดต่อ %1 ไม่ได้ (%2)</translation>
        </message>
        <message>
            <source>%1 broke off the answer (%2)</source>
            <translation>%1 ตัดการตอบกลับกลางคัน (%2)</translation>
        </message>
        <message>
            <source>%1 asked us to wait %2; tried again later</source>
            <translation>%1 ขอให้รอ %2 จะลองใหม่ภายหลัง</translation>
        </message>
        <message>
            <source>Stopped before it was fetched</source>
            <translation>หยุดก่อนดึงเสร็จ</translation>
        </message>
        <message>
            <source>What was fetched could not be stored (%1)</source>
            <translation>เก็บสิ่งที่ดึงมาไม่ได้ (%1)</translation>
        </message>
        <message>
            <source>Not fetched yet</source>
            <translation>ยังไม่เคยดึง</translation>
        </message>
        <message>
            <source>Cannot tell what %1 is: %2. Choose its kind (feed, listing page or single page) to add it anyway.</source>
            <translation>บอกไม่ได้ว่า %1 เป็นอะไร: %2 เลือกชนิด (ฟีด หน้ารายการข่าว หรือหน้าเดียว) เพื่อเพิ่มได้เลย</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>หยุดไว้</translation>
        </message>
        <message>
            <source>%1 (failed %2 times in a row; tried again later)</source>
            <translation>%1 (ล้มเหลว %2 ครั้งติดกัน จะลองใหม่ภายหลัง)</translation>
        </message>
        <message>
            <source>%1 (failed %2 times in a row; tried again after %3)</source>
            <translation>%1 (ล้มเหลว %2 ครั้งติดกัน จะลองใหม่หลัง %3)</translation>
        </message>
    </context>
    <context>
        <name>SourcesDialog</name>
        <message>
            <source>Sources</source>
            <translation>แหล่งข่าว</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>ชื่อ</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>ชนิด</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>บทความ</translation>
        </message>
        <message>
            <source>State</source>
            <translation>สถานะ</translation>
        </message>
        <message>
            <source>Followed sources</source>
            <translation>แหล่งข่าวที่ติดตาม</translation>
        </message>
        <message>
            <source>Each feed or page the archive follows, with its state</source>
            <translation>ฟีดหรือหน้าเว็บแต่ละแหล่งที่คลังติดตาม พร้อมสถานะ</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>เพิ่ม… (&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>แก้ไข… (&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>ลบ (&amp;R)</translation>
        </message>
        <message>
            <source>Refresh &amp;Now</source>
            <translation>ดึงเดี๋ยวนี้ (&amp;N)</translation>
        </message>
        <message>
            <source>Feed</source>
            <translation>ฟีด</translation>
        </message>
        <message>
            <source>Listing page</source>
            <translation>หน้ารายการข่าว</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>หน้าเว็บ</translation>
        </message>
        <message>
            <source>Add Source</source>
            <translation>เพิ่มแหล่งข่าว</translation>
        </message>
        <message>
            <source>The source was not added</source>
            <translation>ไม่ได้เพิ่มแหล่งข่าว</translation>
        </message>
        <message>
            <source>Remove Source</source>
            <translation>ลบแหล่งข่าว</translation>
        </message>
        <message>
            <source>Stop following %1? Its %2 articles stay in the archive.</source>
            <translation>เลิกติดตาม %1 หรือไม่? บทความ %2 รายการของแหล่งนี้ยังอยู่ในคลัง</translation>
        </message>
    </context>
    <context>
        <name>UpdateController</name>
        <message>
            <source>Fetching sources: %1 of %2 (%3)</source>
            <translation>กำลังดึงข่าว: แหล่งที่ %1 จาก %2 (%3)</translation>
        </message>
        <message>
            <source>1 new article</source>
            <translation>บทความใหม่ 1 รายการ</translation>
        </message>
        <message>
            <source>%1 new articles</source>
            <translation>บทความใหม่ %1 รายการ</translation>
        </message>
        <message>
            <source>Offline: the sources are fetched again when the network is back</source>
            <translation>ออฟไลน์: จะดึงข่าวอีกครั้งเมื่อเครือข่ายกลับมา</translation>
        </message>
        <message>
            <source>%1 sources could not be fetched; File &gt; Sources says why</source>
            <translation>ดึงข่าวไม่สำเร็จ %1 แหล่ง ดูสาเหตุได้ที่ แฟ้ม &gt; แหล่งข่าว</translation>
        </message>
        <message>
            <source>The sources could not be fetched: %1</source>
            <translation>ดึงข่าวจากแหล่งข่าวไม่ได้: %1</translation>
        </message>
    </context>
    <context>
        <name>w</name>
        <message>
            <source>OPDC Reader</source>
            <translation>OPDC Reader โปรแกรมอ่านข่าว ก.พ.ร.</translation>
        </message>
    </context>
</TS>
