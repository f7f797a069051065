<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>Actions</name>
        <message>
            <source>Export as WAR&amp;C…</source>
            <translation>Export as WAR&amp;C…</translation>
        </message>
        <message>
            <source>Save the selected articles, or the whole list, with their originals as a web archive (WARC) file</source>
            <translation>Save the selected articles, or the whole list, with their originals as a web archive (WARC) file</translation>
        </message>
        <message>
            <source>Copy &amp;Citation</source>
            <translation>Copy &amp;Citation</translation>
        </message>
        <message>
            <source>Copy the APA citation of the selected articles, or of the open article</source>
            <translation>Copy the APA citation of the selected articles, or of the open article</translation>
        </message>
        <message>
            <source>Copy Citation &amp;As…</source>
            <translation>Copy Citation &amp;As…</translation>
        </message>
        <message>
            <source>Copy the citations as APA, CSL-JSON, BibTeX or RIS</source>
            <translation>Copy the citations as APA, CSL-JSON, BibTeX or RIS</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>&amp;Import Files…</translation>
        </message>
        <message>
            <source>Import pages, feeds or zip bundles into the archive</source>
            <translation>Import pages, feeds or zip bundles into the archive</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>Import &amp;Folder…</translation>
        </message>
        <message>
            <source>Import every page in a folder and its subfolders</source>
            <translation>Import every page in a folder and its subfolders</translation>
        </message>
        <message>
            <source>&amp;Sources…</source>
            <translation>&amp;Sources…</translation>
        </message>
        <message>
            <source>The feeds and pages the archive follows: add, edit, remove, see each one&apos;s state</source>
            <translation>The feeds and pages the archive follows: add, edit, remove, see each one&apos;s state</translation>
        </message>
        <message>
            <source>&amp;Refresh Sources Now</source>
            <translation>&amp;Refresh Sources Now</translation>
        </message>
        <message>
            <source>Fetch the followed sources now, politely, in the background</source>
            <translation>Fetch the followed sources now, politely, in the background</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>Print the open article</source>
            <translation>Print the open article</translation>
        </message>
        <message>
            <source>Print Pre&amp;view…</source>
            <translation>Print Pre&amp;view…</translation>
        </message>
        <message>
            <source>Show how the open article will look on paper</source>
            <translation>Show how the open article will look on paper</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Save as P&amp;DF…</translation>
        </message>
        <message>
            <source>Save the open article as a PDF file</source>
            <translation>Save the open article as a PDF file</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Close OPDC Reader</source>
            <translation>Close OPDC Reader</translation>
        </message>
        <message>
            <source>&amp;Search…</source>
            <translation>&amp;Search…</translation>
        </message>
        <message>
            <source>Move to the search box and search the archive</source>
            <translation>Move to the search box and search the archive</translation>
        </message>
        <message>
            <source>Sa&amp;ve Search…</source>
            <translation>Sa&amp;ve Search…</translation>
        </message>
        <message>
            <source>Keep the current search and its filters under a name in the sidebar</source>
            <translation>Keep the current search and its filters under a name in the sidebar</translation>
        </message>
        <message>
            <source>Pr&amp;eferences…</source>
            <translation>Pr&amp;eferences…</translation>
        </message>
        <message>
            <source>Language, theme, dates and text size</source>
            <translation>Language, theme, dates and text size</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Make the text larger</source>
            <translation>Make the text larger</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>Make the text smaller</source>
            <translation>Make the text smaller</translation>
        </message>
        <message>
            <source>&amp;Normal Size</source>
            <translation>&amp;Normal Size</translation>
        </message>
        <message>
            <source>Show the text at 100%</source>
            <translation>Show the text at 100%</translation>
        </message>
        <message>
            <source>Scale the Whole &amp;Interface</source>
            <translation>Scale the Whole &amp;Interface</translation>
        </message>
        <message>
            <source>Apply the text size to menus, lists and buttons too</source>
            <translation>Apply the text size to menus, lists and buttons too</translation>
        </message>
        <message>
            <source>Follow the &amp;System</source>
            <translation>Follow the &amp;System</translation>
        </message>
        <message>
            <source>Use light or dark colours as the desktop does</source>
            <translation>Use light or dark colours as the desktop does</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Light</translation>
        </message>
        <message>
            <source>Dark text on a light background</source>
            <translation>Dark text on a light background</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Dark</translation>
        </message>
        <message>
            <source>Light text on a dark background</source>
            <translation>Light text on a dark background</translation>
        </message>
        <message>
            <source>&amp;High Contrast</source>
            <translation>&amp;High Contrast</translation>
        </message>
        <message>
            <source>White and yellow text on black</source>
            <translation>White and yellow text on black</translation>
        </message>
        <message>
            <source>Show Dates in &amp;Common Era</source>
            <translation>Show Dates in &amp;Common Era</translation>
        </message>
        <message>
            <source>Show years as 2013 instead of 2556</source>
            <translation>Show years as 2013 instead of 2556</translation>
        </message>
        <message>
            <source>Next &amp;Pane</source>
            <translation>Next &amp;Pane</translation>
        </message>
        <message>
            <source>Move the focus to the next part of the window</source>
            <translation>Move the focus to the next part of the window</translation>
        </message>
        <message>
            <source>Pre&amp;vious Pane</source>
            <translation>Pre&amp;vious Pane</translation>
        </message>
        <message>
            <source>Move the focus to the previous part of the window</source>
            <translation>Move the focus to the previous part of the window</translation>
        </message>
        <message>
            <source>Show the &amp;Library</source>
            <translation>Show the &amp;Library</translation>
        </message>
        <message>
            <source>Show or hide the library of groups, years, categories and tags</source>
            <translation>Show or hide the library of groups, years, categories and tags</translation>
        </message>
        <message>
            <source>Show the Article Li&amp;st</source>
            <translation>Show the Article Li&amp;st</translation>
        </message>
        <message>
            <source>Show or hide the search and the list of articles</source>
            <translation>Show or hide the search and the list of articles</translation>
        </message>
        <message>
            <source>&amp;Reading Mode</source>
            <translation>&amp;Reading Mode</translation>
        </message>
        <message>
            <source>The article alone, filling the window</source>
            <translation>The article alone, filling the window</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>&amp;Full Screen</translation>
        </message>
        <message>
            <source>The window fills the screen, without its title bar and the desktop&apos;s panels</source>
            <translation>The window fills the screen, without its title bar and the desktop&apos;s panels</translation>
        </message>
        <message>
            <source>Make the Pane Lar&amp;ger</source>
            <translation>Make the Pane Lar&amp;ger</translation>
        </message>
        <message>
            <source>Give the part of the window with the focus more room (the part beside it gets less)</source>
            <translation>Give the part of the window with the focus more room (the part beside it gets less)</translation>
        </message>
        <message>
            <source>Make the Pane S&amp;maller</source>
            <translation>Make the Pane S&amp;maller</translation>
        </message>
        <message>
            <source>Give the part of the window with the focus less room (the part beside it gets more)</source>
            <translation>Give the part of the window with the focus less room (the part beside it gets more)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Back</translation>
        </message>
        <message>
            <source>When the window shows one page at a time: back from the article to the list</source>
            <translation>When the window shows one page at a time: back from the article to the list</translation>
        </message>
        <message>
            <source>&amp;Bookmark</source>
            <translation>&amp;Bookmark</translation>
        </message>
        <message>
            <source>Bookmark the open article</source>
            <translation>Bookmark the open article</translation>
        </message>
        <message>
            <source>&amp;Tags…</source>
            <translation>&amp;Tags…</translation>
        </message>
        <message>
            <source>Add or remove tags of the open article</source>
            <translation>Add or remove tags of the open article</translation>
        </message>
        <message>
            <source>&amp;Note…</source>
            <translation>&amp;Note…</translation>
        </message>
        <message>
            <source>Write a personal note about the open article</source>
            <translation>Write a personal note about the open article</translation>
        </message>
        <message>
            <source>&amp;Highlight Selection…</source>
            <translation>&amp;Highlight Selection…</translation>
        </message>
        <message>
            <source>Highlight the selected passage of the article, with an optional note</source>
            <translation>Highlight the selected passage of the article, with an optional note</translation>
        </message>
        <message>
            <source>Re&amp;move Highlight</source>
            <translation>Re&amp;move Highlight</translation>
        </message>
        <message>
            <source>Remove the highlight at the cursor</source>
            <translation>Remove the highlight at the cursor</translation>
        </message>
        <message>
            <source>Compare &amp;Versions…</source>
            <translation>Compare &amp;Versions…</translation>
        </message>
        <message>
            <source>Show what changed between two versions of the open article</source>
            <translation>Show what changed between two versions of the open article</translation>
        </message>
        <message>
            <source>Open &amp;Source Link</source>
            <translation>Open &amp;Source Link</translation>
        </message>
        <message>
            <source>Open the article&apos;s web page in the browser</source>
            <translation>Open the article&apos;s web page in the browser</translation>
        </message>
        <message>
            <source>&amp;Keys and Help</source>
            <translation>&amp;Keys and Help</translation>
        </message>
        <message>
            <source>How to use OPDC Reader, with every key</source>
            <translation>How to use OPDC Reader, with every key</translation>
        </message>
        <message>
            <source>&amp;Recover Archive…</source>
            <translation>&amp;Recover Archive…</translation>
        </message>
        <message>
            <source>Rebuild a damaged catalog from its backups, journal and original files</source>
            <translation>Rebuild a damaged catalog from its backups, journal and original files</translation>
        </message>
        <message>
            <source>&amp;About OPDC Reader</source>
            <translation>&amp;About OPDC Reader</translation>
        </message>
        <message>
            <source>Version and licence of OPDC Reader</source>
            <translation>Version and licence of OPDC Reader</translation>
        </message>
        <message>
            <source>Export to &amp;Word…</source>
            <translation>Export to &amp;Word…</translation>
        </message>
        <message>
            <source>Save the open article as a Word document with its citation</source>
            <translation>Save the open article as a Word document with its citation</translation>
        </message>
        <message>
            <source>Export the &amp;List as a Report…</source>
            <translation>Export the &amp;List as a Report…</translation>
        </message>
        <message>
            <source>Save the articles in the list as one Word or PDF report with a cover, contents and citations</source>
            <translation>Save the articles in the list as one Word or PDF report with a cover, contents and citations</translation>
        </message>
        <message>
            <source>Print at &amp;Reading Size</source>
            <translation>Print at &amp;Reading Size</translation>
        </message>
        <message>
            <source>Print and export at the text size you read with, not the official 16 pt</source>
            <translation>Print and export at the text size you read with, not the official 16 pt</translation>
        </message>
    </context>
    <context>
        <name>Appearance</name>
        <message>
            <source>Text size %1%</source>
            <translation>Text size %1%</translation>
        </message>
        <message>
            <source>Text size: %1%</source>
            <translation>Text size: %1%</translation>
        </message>
    </context>
    <context>
        <name>Citing</name>
        <message>
            <source>APA 7 (Thai items as Thai libraries write them)</source>
            <translation>APA 7 (Thai items as Thai libraries write them)</translation>
        </message>
        <message>
            <source>CSL-JSON (Zotero, Pandoc)</source>
            <translation>CSL-JSON (Zotero, Pandoc)</translation>
        </message>
        <message>
            <source>BibTeX (biblatex)</source>
            <translation>BibTeX (biblatex)</translation>
        </message>
        <message>
            <source>RIS (EndNote, Mendeley)</source>
            <translation>RIS (EndNote, Mendeley)</translation>
        </message>
        <message>
            <source>Choose an article to cite first.</source>
            <translation>Choose an article to cite first.</translation>
        </message>
        <message>
            <source>Citation copied: %1</source>
            <translation>Citation copied: %1</translation>
        </message>
        <message>
            <source>Citations of %1 articles copied</source>
            <translation>Citations of %1 articles copied</translation>
        </message>
        <message>
            <source>Copy Citation As</source>
            <translation>Copy Citation As</translation>
        </message>
        <message>
            <source>Citation format:</source>
            <translation>Citation format:</translation>
        </message>
        <message>
            <source>The list is empty: there is nothing to export.</source>
            <translation>The list is empty: there is nothing to export.</translation>
        </message>
        <message>
            <source>News archive</source>
            <translation>News archive</translation>
        </message>
        <message>
            <source>Export as WARC</source>
            <translation>Export as WARC</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <source>&amp;Next Change</source>
            <translation>&amp;Next Change</translation>
        </message>
        <message>
            <source>&amp;Previous Change</source>
            <translation>&amp;Previous Change</translation>
        </message>
        <message>
            <source>Next change (F3)</source>
            <translation>Next change (F3)</translation>
        </message>
        <message>
            <source>Previous change (Shift+F3)</source>
            <translation>Previous change (Shift+F3)</translation>
        </message>
        <message>
            <source>Compare Versions</source>
            <translation>Compare Versions</translation>
        </message>
        <message>
            <source>&amp;Older version:</source>
            <translation>&amp;Older version:</translation>
        </message>
        <message>
            <source>N&amp;ewer version:</source>
            <translation>N&amp;ewer version:</translation>
        </message>
        <message>
            <source>Older version</source>
            <translation>Older version</translation>
        </message>
        <message>
            <source>Newer version</source>
            <translation>Newer version</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>Differences</translation>
        </message>
        <message>
            <source>The newer text, with deleted words struck through and inserted words underlined</source>
            <translation>The newer text, with deleted words struck through and inserted words underlined</translation>
        </message>
        <message>
            <source>Version %1 to version %2: %3 words deleted, %4 words inserted.</source>
            <translation>Version %1 to version %2: %3 words deleted, %4 words inserted.</translation>
        </message>
        <message>
            <source>[deleted: </source>
            <translation>[deleted: </translation>
        </message>
        <message>
            <source>[inserted: </source>
            <translation>[inserted: </translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>Web archives (*.warc.gz)</source>
            <translation>Web archives (*.warc.gz)</translation>
        </message>
        <message>
            <source>Writing article %1 of %2 to the web archive</source>
            <translation>Writing article %1 of %2 to the web archive</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Export progress</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>Cancel export</translation>
        </message>
        <message>
            <source>Stop writing the file; nothing is saved</source>
            <translation>Stop writing the file; nothing is saved</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word documents (*.docx)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>An export is already running.</source>
            <translation>An export is already running.</translation>
        </message>
        <message>
            <source>Exporting to %1…</source>
            <translation>Exporting to %1…</translation>
        </message>
        <message>
            <source>Reading the articles…</source>
            <translation>Reading the articles…</translation>
        </message>
        <message>
            <source>Writing the Word document…</source>
            <translation>Writing the Word document…</translation>
        </message>
        <message>
            <source>Laying out article %1 of %2</source>
            <translation>Laying out article %1 of %2</translation>
        </message>
        <message>
            <source>Writing page %1 of %2</source>
            <translation>Writing page %1 of %2</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Only the first %1 of %2 articles in the list were exported.</source>
            <translation>Only the first %1 of %2 articles in the list were exported.</translation>
        </message>
        <message>
            <source>%1 articles are no longer in the archive and were left out.</source>
            <translation>%1 articles are no longer in the archive and were left out.</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was saved.</source>
            <translation>Export cancelled; nothing was saved.</translation>
        </message>
        <message>
            <source>The file could not be saved: %1</source>
            <translation>The file could not be saved: %1</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
    </context>
    <context>
        <name>Following</name>
        <message>
            <source>New since you last looked (%1)</source>
            <translation>New since you last looked (%1)</translation>
        </message>
        <message>
            <source>%1 – not fetched</source>
            <translation>%1 – not fetched</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>The archive holds the sample articles. Follow the news of the OPDC (สำนักงาน ก.พ.ร.) so new articles arrive by themselves, or import files you have?</source>
            <translation>The archive holds the sample articles. Follow the news of the OPDC (สำนักงาน ก.พ.ร.) so new articles arrive by themselves, or import files you have?</translation>
        </message>
        <message>
            <source>Start filling the archive</source>
            <translation>Start filling the archive</translation>
        </message>
        <message>
            <source>&amp;Follow OPDC&apos;s News</source>
            <translation>&amp;Follow OPDC&apos;s News</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>&amp;Import Files…</translation>
        </message>
        <message>
            <source>&amp;Not Now</source>
            <translation>&amp;Not Now</translation>
        </message>
        <message>
            <source>Following %1 OPDC sources; their news is fetched in the background</source>
            <translation>Following %1 OPDC sources; their news is fetched in the background</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <source>Move to the next or previous control</source>
            <translation>Move to the next or previous control</translation>
        </message>
        <message>
            <source>Move between the library, the search box, the list and the article</source>
            <translation>Move between the library, the search box, the list and the article</translation>
        </message>
        <message>
            <source>In the list: open the article and move to its text</source>
            <translation>In the list: open the article and move to its text</translation>
        </message>
        <message>
            <source>When the article fills the window: back to the list</source>
            <translation>When the article fills the window: back to the list</translation>
        </message>
        <message>
            <source>Move by row in the list, by line in the article</source>
            <translation>Move by row in the list, by line in the article</translation>
        </message>
        <message>
            <source>Move by word in the article, Thai words included</source>
            <translation>Move by word in the article, Thai words included</translation>
        </message>
        <message>
            <source>Go to the start or end of the article</source>
            <translation>Go to the start or end of the article</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>View</source>
            <translation>View</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <source>Every command is in the menus (F10 or Alt opens them) and has a key. Text size: Ctrl++ and Ctrl+-. With the whole interface scaled, the window turns into pages when the panes no longer fit side by side.</source>
            <translation>Every command is in the menus (F10 or Alt opens them) and has a key. Text size: Ctrl++ and Ctrl+-. With the whole interface scaled, the window turns into pages when the panes no longer fit side by side.</translation>
        </message>
        <message>
            <source>Menu %1</source>
            <translation>Menu %1</translation>
        </message>
        <message>
            <source>OPDC Reader help</source>
            <translation>OPDC Reader help</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>Help text</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>About OPDC Reader</source>
            <translation>About OPDC Reader</translation>
        </message>
        <message>
            <source>OPDC Reader %1
An accessible reader and archive for Thai government news.</source>
            <translation>OPDC Reader %1
An accessible reader and archive for Thai government news.</translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message>
            <source>An import is already running.</source>
            <translation>An import is already running.</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>Importing</translation>
        </message>
        <message>
            <source>Preparing the import…</source>
            <translation>Preparing the import…</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Import progress</source>
            <translation>Import progress</translation>
        </message>
        <message>
            <source>Import files</source>
            <translation>Import files</translation>
        </message>
        <message>
            <source>Pages, feeds, bundles and web archives (*.txt *.htm *.html *.xml *.rss *.atom *.zip *.warc *.warc.gz);;All files (*)</source>
            <translation>Pages, feeds, bundles and web archives (*.txt *.htm *.html *.xml *.rss *.atom *.zip *.warc *.warc.gz);;All files (*)</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>Import a folder</translation>
        </message>
        <message>
            <source>Importing %1 (%2)</source>
            <translation>Importing %1 (%2)</translation>
        </message>
        <message>
            <source>The import stopped: %1</source>
            <translation>The import stopped: %1</translation>
        </message>
        <message>
            <source>New articles: %1</source>
            <translation>New articles: %1</translation>
        </message>
        <message>
            <source>New versions: %1</source>
            <translation>New versions: %1</translation>
        </message>
        <message>
            <source>Already in the archive: %1</source>
            <translation>Already in the archive: %1</translation>
        </message>
        <message>
            <source>Could not be read: %1</source>
            <translation>Could not be read: %1</translation>
        </message>
        <message>
            <source>Left out (web archive records that are not pages): %1</source>
            <translation>Left out (web archive records that are not pages): %1</translation>
        </message>
        <message>
            <source>The import was cancelled; what was imported is kept.</source>
            <translation>The import was cancelled; what was imported is kept.</translation>
        </message>
        <message>
            <source>Files that could not be read:</source>
            <translation>Files that could not be read:</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Import summary</source>
            <translation>Import summary</translation>
        </message>
    </context>
    <context>
        <name>IndexController</name>
        <message>
            <source>Updating the search index: %1 of %2</source>
            <translation>Updating the search index: %1 of %2</translation>
        </message>
        <message>
            <source>Search index updated (%1 articles)</source>
            <translation>Search index updated (%1 articles)</translation>
        </message>
    </context>
    <context>
        <name>Listing</name>
        <message numerus="yes">
            <source>%n article(s) found</source>
            <translation>
                <numerusform>%n article found</numerusform>
                <numerusform>%n articles found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message>
            <source>The archive can no longer be read: %1</source>
            <translation>The archive can no longer be read: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n new article(s) in the archive</source>
            <translation>
                <numerusform>%n new article in the archive</numerusform>
                <numerusform>%n new articles in the archive</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OPDC Reader</source>
            <translation>OPDC Reader</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>&amp;Article</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>Text size</translation>
        </message>
        <message>
            <source>Size of the article text; Ctrl+= and Ctrl+- change it, Ctrl+0 resets</source>
            <translation>Size of the article text; Ctrl+= and Ctrl+- change it, Ctrl+0 resets</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>Articles in the chosen group or matching the search; Enter reads one</source>
            <translation>Articles in the chosen group or matching the search; Enter reads one</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Found text</source>
            <translation>Found text</translation>
        </message>
        <message>
            <source>Importing the sample articles…</source>
            <translation>Importing the sample articles…</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>&amp;Your note about this article:</source>
            <translation>&amp;Your note about this article:</translation>
        </message>
        <message>
            <source>Note text</source>
            <translation>Note text</translation>
        </message>
        <message>
            <source>Your own words about the article; Tab moves to the buttons</source>
            <translation>Your own words about the article; Tab moves to the buttons</translation>
        </message>
    </context>
    <context>
        <name>OpenArticle</name>
        <message>
            <source>This posting holds only its headline (and its pictures).</source>
            <translation>This posting holds only its headline (and its pictures).</translation>
        </message>
        <message>
            <source>The page stops mid-text: the copy that was imported is cut off.</source>
            <translation>The page stops mid-text: the copy that was imported is cut off.</translation>
        </message>
        <message>
            <source>The page has no headline; its first words stand in for one.</source>
            <translation>The page has no headline; its first words stand in for one.</translation>
        </message>
        <message>
            <source>That article is no longer in the archive.</source>
            <translation>That article is no longer in the archive.</translation>
        </message>
        <message>
            <source>Bookmarked</source>
            <translation>Bookmarked</translation>
        </message>
        <message>
            <source>Bookmark removed</source>
            <translation>Bookmark removed</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Tags of this article, separated by commas:</source>
            <translation>Tags of this article, separated by commas:</translation>
        </message>
    </context>
    <context>
        <name>Output</name>
        <message>
            <source>Printing</source>
            <translation>Printing</translation>
        </message>
        <message>
            <source>Export to Word</source>
            <translation>Export to Word</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>The list is empty: there is nothing to export.</source>
            <translation>The list is empty: there is nothing to export.</translation>
        </message>
        <message>
            <source>News report</source>
            <translation>News report</translation>
        </message>
        <message>
            <source>Export the list as a report</source>
            <translation>Export the list as a report</translation>
        </message>
    </context>
    <context>
        <name>Panes</name>
        <message>
            <source>Move to a pane that has another beside it (F6), then resize it</source>
            <translation>Move to a pane that has another beside it (F6), then resize it</translation>
        </message>
        <message>
            <source>%1 is as large as it can be</source>
            <translation>%1 is as large as it can be</translation>
        </message>
        <message>
            <source>%1 is as small as it can be</source>
            <translation>%1 is as small as it can be</translation>
        </message>
        <message>
            <source>%1: %2% of the window width</source>
            <translation>%1: %2% of the window width</translation>
        </message>
        <message>
            <source>%1: %2% of the window height</source>
            <translation>%1: %2% of the window height</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Library</translation>
        </message>
        <message>
            <source>Article list</source>
            <translation>Article list</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Article list and article</source>
            <translation>Article list and article</translation>
        </message>
    </context>
    <context>
        <name>Passages</name>
        <message>
            <source>Select some of the article&apos;s text first, then highlight it.</source>
            <translation>Select some of the article&apos;s text first, then highlight it.</translation>
        </message>
        <message>
            <source>Highlight</source>
            <translation>Highlight</translation>
        </message>
        <message>
            <source>Note for this passage (optional):</source>
            <translation>Note for this passage (optional):</translation>
        </message>
        <message>
            <source>Passage highlighted</source>
            <translation>Passage highlighted</translation>
        </message>
        <message>
            <source>There is no highlight at the cursor.</source>
            <translation>There is no highlight at the cursor.</translation>
        </message>
        <message>
            <source>Highlight removed</source>
            <translation>Highlight removed</translation>
        </message>
        <message>
            <source>Highlight: %1</source>
            <translation>Highlight: %1</translation>
        </message>
        <message>
            <source>note: %1</source>
            <translation>note: %1</translation>
        </message>
        <message>
            <source>Type a search first, then save it.</source>
            <translation>Type a search first, then save it.</translation>
        </message>
        <message>
            <source>Save Search</source>
            <translation>Save Search</translation>
        </message>
        <message>
            <source>Name for this search:</source>
            <translation>Name for this search:</translation>
        </message>
        <message>
            <source>Search saved as %1</source>
            <translation>Search saved as %1</translation>
        </message>
        <message>
            <source>%1: %2 new since you last opened it</source>
            <translation>%1: %2 new since you last opened it</translation>
        </message>
        <message>
            <source>This article has only one version.</source>
            <translation>This article has only one version.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>As the system (Thai on a Thai system)</source>
            <translation>As the system (Thai on a Thai system)</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>High contrast</translation>
        </message>
        <message>
            <source>Buddhist Era (26 สิงหาคม 2556)</source>
            <translation>Buddhist Era (26 สิงหาคม 2556)</translation>
        </message>
        <message>
            <source>Common Era (26 สิงหาคม 2013)</source>
            <translation>Common Era (26 สิงหาคม 2013)</translation>
        </message>
        <message>
            <source>Scale the whole &amp;interface with the text size</source>
            <translation>Scale the whole &amp;interface with the text size</translation>
        </message>
        <message>
            <source>Menus, lists and buttons grow with the text, not only the article</source>
            <translation>Menus, lists and buttons grow with the text, not only the article</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>Language of menus and messages; applies at once</source>
            <translation>Language of menus and messages; applies at once</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>Colours of the window</source>
            <translation>Colours of the window</translation>
        </message>
        <message>
            <source>&amp;Dates</source>
            <translation>&amp;Dates</translation>
        </message>
        <message>
            <source>Era used to show years</source>
            <translation>Era used to show years</translation>
        </message>
        <message>
            <source>Text &amp;size</source>
            <translation>Text &amp;size</translation>
        </message>
        <message>
            <source>Size of the article text, 50% to 400%</source>
            <translation>Size of the article text, 50% to 400%</translation>
        </message>
        <message>
            <source>&amp;Print and export at this text size</source>
            <translation>&amp;Print and export at this text size</translation>
        </message>
        <message>
            <source>Paper, PDF and Word use this size instead of the official 16 pt</source>
            <translation>Paper, PDF and Word use this size instead of the official 16 pt</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Article text</source>
            <translation>Article text</translation>
        </message>
        <message>
            <source>The open article. Ctrl+Left and Ctrl+Right move by word, Thai words included.</source>
            <translation>The open article. Ctrl+Left and Ctrl+Right move by word, Thai words included.</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Credits</source>
            <translation>Credits</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <source>version %1 of %2</source>
            <translation>version %1 of %2</translation>
        </message>
        <message>
            <source>Choose an article from the list to read it here.</source>
            <translation>Choose an article from the list to read it here.</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>The archive is damaged</source>
            <translation>The archive is damaged</translation>
        </message>
        <message>
            <source>The archive&apos;s catalog is damaged (%1).

Nothing has been changed. OPDC Reader can rebuild the catalog from its automatic backups, its journal of changes and the original files; the damaged file is kept aside, not deleted.

Recover the archive now?</source>
            <translation>The archive&apos;s catalog is damaged (%1).

Nothing has been changed. OPDC Reader can rebuild the catalog from its automatic backups, its journal of changes and the original files; the damaged file is kept aside, not deleted.

Recover the archive now?</translation>
        </message>
        <message>
            <source>&amp;Recover Now</source>
            <translation>&amp;Recover Now</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Later</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Recover Archive</source>
            <translation>Recover Archive</translation>
        </message>
        <message>
            <source>Rebuild the archive&apos;s catalog from its newest sound backup, its journal of changes and the original files?

Use this when the archive reports damage. The present catalog is kept aside, not deleted. The window reopens the archive afterwards.</source>
            <translation>Rebuild the archive&apos;s catalog from its newest sound backup, its journal of changes and the original files?

Use this when the archive reports damage. The present catalog is kept aside, not deleted. The window reopens the archive afterwards.</translation>
        </message>
        <message>
            <source>Recovering the archive…</source>
            <translation>Recovering the archive…</translation>
        </message>
        <message>
            <source>The archive could not be recovered: %1</source>
            <translation>The archive could not be recovered: %1</translation>
        </message>
        <message>
            <source>The archive now holds %1 articles.</source>
            <translation>The archive now holds %1 articles.</translation>
        </message>
        <message>
            <source>Started from the backup %1.</source>
            <translation>Started from the backup %1.</translation>
        </message>
        <message>
            <source>No sound backup was found: started from an empty catalog.</source>
            <translation>No sound backup was found: started from an empty catalog.</translation>
        </message>
        <message>
            <source>Changes replayed from the journal: %1.</source>
            <translation>Changes replayed from the journal: %1.</translation>
        </message>
        <message>
            <source>Articles extracted again from their original files: %1.</source>
            <translation>Articles extracted again from their original files: %1.</translation>
        </message>
        <message>
            <source>The damaged catalog is kept in %1.</source>
            <translation>The damaged catalog is kept in %1.</translation>
        </message>
        <message>
            <source>Not everything could be rebuilt (%1 problems), for example: %2</source>
            <translation>Not everything could be rebuilt (%1 problems), for example: %2</translation>
        </message>
    </context>
    <context>
        <name>SearchNotice</name>
        <message>
            <source>A closing quote was missing; the phrase runs to the end of the query.</source>
            <translation>A closing quote was missing; the phrase runs to the end of the query.</translation>
        </message>
        <message>
            <source>OR needs a word on each side; it was ignored.</source>
            <translation>OR needs a word on each side; it was ignored.</translation>
        </message>
        <message>
            <source>OR at the end of the query was ignored.</source>
            <translation>OR at the end of the query was ignored.</translation>
        </message>
        <message>
            <source>A lone &apos;-&apos; was ignored.</source>
            <translation>A lone &apos;-&apos; was ignored.</translation>
        </message>
        <message>
            <source>Could not read the date &apos;%1&apos;; use 2556, 2013, 2020-01-31 or 2556..2560.</source>
            <translation>Could not read the date &apos;%1&apos;; use 2556, 2013, 2020-01-31 or 2556..2560.</translation>
        </message>
        <message>
            <source>The date range %1 runs backwards; searched %2.</source>
            <translation>The date range %1 runs backwards; searched %2.</translation>
        </message>
        <message>
            <source>The dates in the query and the year filters do not overlap: nothing can match.</source>
            <translation>The dates in the query and the year filters do not overlap: nothing can match.</translation>
        </message>
        <message>
            <source>Only exclusions were given: showing everything else.</source>
            <translation>Only exclusions were given: showing everything else.</translation>
        </message>
        <message>
            <source>Nothing to search for: type a word, a phrase or a date.</source>
            <translation>Nothing to search for: type a word, a phrase or a date.</translation>
        </message>
        <message>
            <source>The search could not run: %1</source>
            <translation>The search could not run: %1</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search titles and text (Ctrl+F)</source>
            <translation>Search titles and text (Ctrl+F)</translation>
        </message>
        <message>
            <source>F&amp;ilters</source>
            <translation>F&amp;ilters</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>Filters</translation>
        </message>
        <message>
            <source>Show or hide the year, category, language and order filters</source>
            <translation>Show or hide the year, category, language and order filters</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Type words to search the archive; results appear as you type</source>
            <translation>Type words to search the archive; results appear as you type</translation>
        </message>
        <message>
            <source>Ca&amp;tegory</source>
            <translation>Ca&amp;tegory</translation>
        </message>
        <message>
            <source>From &amp;year</source>
            <translation>From &amp;year</translation>
        </message>
        <message>
            <source>To yea&amp;r</source>
            <translation>To yea&amp;r</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>S&amp;ort by</source>
            <translation>S&amp;ort by</translation>
        </message>
        <message>
            <source>Only articles from this year on</source>
            <translation>Only articles from this year on</translation>
        </message>
        <message>
            <source>Only articles up to this year</source>
            <translation>Only articles up to this year</translation>
        </message>
        <message>
            <source>Only articles of this category</source>
            <translation>Only articles of this category</translation>
        </message>
        <message>
            <source>Only articles in this language</source>
            <translation>Only articles in this language</translation>
        </message>
        <message>
            <source>Order of the results</source>
            <translation>Order of the results</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>Any</translation>
        </message>
        <message>
            <source>All languages</source>
            <translation>All languages</translation>
        </message>
        <message>
            <source>Thai</source>
            <translation>Thai</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Best match</source>
            <translation>Best match</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <source>Result count</source>
            <translation>Result count</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>All categories</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Library</source>
            <translation>Library</translation>
        </message>
        <message>
            <source>Groups of articles: all, new since you last looked, by year, by category, bookmarks, tags, collections, followed sources, recent imports, saved searches and highlights</source>
            <translation>Groups of articles: all, new since you last looked, by year, by category, bookmarks, tags, collections, followed sources, recent imports, saved searches and highlights</translation>
        </message>
        <message>
            <source>All articles (%1)</source>
            <translation>All articles (%1)</translation>
        </message>
        <message>
            <source>Bookmarks (%1)</source>
            <translation>Bookmarks (%1)</translation>
        </message>
        <message>
            <source>By year</source>
            <translation>By year</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>By category</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Collections</source>
            <translation>Collections</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Recent imports</source>
            <translation>Recent imports</translation>
        </message>
        <message>
            <source>Saved searches</source>
            <translation>Saved searches</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>Highlights</translation>
        </message>
        <message>
            <source>Followed feeds and pages; Enter manages them</source>
            <translation>Followed feeds and pages; Enter manages them</translation>
        </message>
        <message>
            <source>%1 (%2, %3 new)</source>
            <translation>%1 (%2, %3 new)</translation>
        </message>
    </context>
    <context>
        <name>SourceForm</name>
        <message>
            <source>Find out (fetch it once)</source>
            <translation>Find out (fetch it once)</translation>
        </message>
        <message>
            <source>Feed (RSS or Atom)</source>
            <translation>Feed (RSS or Atom)</translation>
        </message>
        <message>
            <source>Listing page (a list of news links)</source>
            <translation>Listing page (a list of news links)</translation>
        </message>
        <message>
            <source>Single page</source>
            <translation>Single page</translation>
        </message>
        <message>
            <source>Every hour</source>
            <translation>Every hour</translation>
        </message>
        <message>
            <source>Every 3 hours</source>
            <translation>Every 3 hours</translation>
        </message>
        <message>
            <source>Every 6 hours</source>
            <translation>Every 6 hours</translation>
        </message>
        <message>
            <source>Every 12 hours</source>
            <translation>Every 12 hours</translation>
        </message>
        <message>
            <source>Once a day</source>
            <translation>Once a day</translation>
        </message>
        <message>
            <source>Edit Source</source>
            <translation>Edit Source</translation>
        </message>
        <message>
            <source>Add Source</source>
            <translation>Add Source</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>The web address of the feed or page</source>
            <translation>The web address of the feed or page</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>What the sidebar calls it (optional)</source>
            <translation>What the sidebar calls it (optional)</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>What the address is</source>
            <translation>What the address is</translation>
        </message>
        <message>
            <source>&amp;Look for news:</source>
            <translation>&amp;Look for news:</translation>
        </message>
        <message>
            <source>How often to fetch it</source>
            <translation>How often to fetch it</translation>
        </message>
    </context>
    <context>
        <name>SourceState</name>
        <message>
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>a login is needed</source>
            <translation>a login is needed</translation>
        </message>
        <message>
            <source>access is forbidden</source>
            <translation>access is forbidden</translation>
        </message>
        <message>
            <source>no such page</source>
            <translation>no such page</translation>
        </message>
        <message>
            <source>the page was removed</source>
            <translation>the page was removed</translation>
        </message>
        <message>
            <source>too many requests</source>
            <translation>too many requests</translation>
        </message>
        <message>
            <source>the server failed</source>
            <translation>the server failed</translation>
        </message>
        <message>
            <source>the server&apos;s gateway failed</source>
            <translation>the server&apos;s gateway failed</translation>
        </message>
        <message>
            <source>busy or down for maintenance</source>
            <translation>busy or down for maintenance</translation>
        </message>
        <message>
            <source>%1 new, %2 changed</source>
            <translation>%1 new, %2 changed</translation>
        </message>
        <message>
            <source>%1; %2 could not be stored: %3</source>
            <translation>%1; %2 could not be stored: %3</translation>
        </message>
        <message>
            <source>%1 answered %2</source>
            <translation>%1 answered %2</translation>
        </message>
        <message>
            <source>%1; it asked us to come back in %2</source>
            <translation>%1; it asked us to come back in %2</translation>
        </message>
        <message>
            <source>%1 is %2, more than the %3 limit; not downloaded</source>
            <translation>%1 is %2, more than the %3 limit; not downloaded</translation>
        </message>
        <message>
            <source>%1 is more than the %2 limit; the download was stopped</source>
            <translation>%1 is more than the %2 limit; the download was stopped</translation>
        </message>
        <message>
            <source>Not changed since the last visit</source>
            <translation>Not changed since the last visit</translation>
        </message>
        <message>
            <source>Offline: no network; fetched again when it is back</source>
            <translation>Offline: no network; fetched again when it is back</translation>
        </message>
        <message>
            <source>The site&apos;s robots.txt asks programs not to fetch %1; it is not fetched</source>
            <translation>The site&apos;s robots.txt asks programs not to fetch %1; it is not fetched</translation>
        </message>
        <message>
            <source>%1/robots.txt answered %2; nothing is fetched from this site until it can be read</source>
            <translation>%1/robots.txt answered %2; nothing is fetched from this site until it can be read</translation>
        </message>
        <message>
            <source>%1 took more than %2 to download; stopped</source>
            <translation>%1 took more than %2 to download; stopped</translation>
        </message>
        <message>
            <source>%1 redirects more than %2 times; not followed further</source>
            <translation>%1 redirects more than %2 times; not followed further</translation>
        </message>
        <message>
            <source>%1 leads to %2: only http and https addresses are fetched</source>
            <translation>%1 leads to %2: only http and https addresses are fetched</translation>
        </message>
        <message>
            <source>No connection to %1 within %2</source>
            <translation>No connection to %1 within %2</translation>
        </message>
        <message>
            <source>%1 stopped answering (nothing for %2)</source>
            <translation>%1 stopped answering (nothing for %2)</translation>
        </message>
        <message>
            <source>The proxy refused or failed to reach %1 (%2)</source>
            <translation>The proxy refused or failed to reach %1 (%2)</translation>
        </message>
        <message>
            <source>The secure connection to %1 cannot be trusted (%2). Nothing was fetched. If your office uses its own certificate authority, install it in the system&apos;s certificate store.</source>
            <translation>The secure connection to %1 cannot be trusted (%2). Nothing was fetched. If your office uses its own certificate authority, install it in the system&apos;s certificate store.</translation>
        </message>
        <message>
            <source>Cannot reach %1 (%2)</source>
            <translation>Cannot reach %1 (%2)</translation>
        </message>
        <message>
            <source>%1 broke off the answer (%2)</source>
            <translation>%1 broke off the answer (%2)</translation>
        </message>
        <message>
            <source>%1 asked us to wait %2; tried again later</source>
            <translation>%1 asked us to wait %2; tried again later</translation>
        </message>
        <message>
            <source>Stopped before it was fetched</source>
            <translation>Stopped before it was fetched</translation>
        </message>
        <message>
            <source>What was fetched could not be stored (%1)</source>
            <translation>What was fetched could not be stored (%1)</translation>
        </message>
        <message>
            <source>Not fetched yet</source>
            <translation>Not fetched yet</translation>
        </message>
        <message>
            <source>Cannot tell what %1 is: %2. Choose its kind (feed, listing page or single page) to add it anyway.</source>
            <translation>Cannot tell what %1 is: %2. Choose its kind (feed, listing page or single page) to add it anyway.</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>%1 (failed %2 times in a row; tried again later)</source>
            <translation>%1 (failed %2 times in a row; tried again later)</translation>
        </message>
        <message>
            <source>%1 (failed %2 times in a row; tried again after %3)</source>
            <translation>%1 (failed %2 times in a row; tried again after %3)</translation>
        </message>
    </context>
    <context>
        <name>SourcesDialog</name>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Followed sources</source>
            <translation>Followed sources</translation>
        </message>
        <message>
            <source>Each feed or page the archive follows, with its state</source>
            <translation>Each feed or page the archive follows, with its state</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>Refresh &amp;Now</source>
            <translation>Refresh &amp;Now</translation>
        </message>
        <message>
            <source>Feed</source>
            <translation>Feed</translation>
        </message>
        <message>
            <source>Listing page</source>
            <translation>Listing page</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>Add Source</source>
            <translation>Add Source</translation>
        </message>
        <message>
            <source>The source was not added</source>
            <translation>The source was not added</translation>
        </message>
        <message>
            <source>Remove Source</source>
            <translation>Remove Source</translation>
        </message>
        <message>
            <source>Stop following %1? Its %2 articles stay in the archive.</source>
            <translation>Stop following %1? Its %2 articles stay in the archive.</translation>
        </message>
    </context>
    <context>
        <name>UpdateController</name>
        <message>
            <source>Fetching sources: %1 of %2 (%3)</source>
            <translation>Fetching sources: %1 of %2 (%3)</translation>
        </message>
        <message>
            <source>1 new article</source>
            <translation>1 new article</translation>
        </message>
        <message>
            <source>%1 new articles</source>
            <translation>%1 new articles</translation>
        </message>
        <message>
            <source>Offline: the sources are fetched again when the network is back</source>
            <translation>Offline: the sources are fetched again when the network is back</translation>
        </message>
        <message>
            <source>%1 sources could not be fetched; File &gt; Sources says why</source>
            <translation>%1 sources could not be fetched; File &gt; Sources says why</translation>
        </message>
        <message>
            <source>The sources could not be fetched: %1</source>
            <translation>The sources could not be fetched: %1</translation>
        </message>
    </context>
    <context>
        <name>w</name>
        <message>
            <source>OPDC Reader</source>
            <translation>OPDC Reader</translation>
        </message>
    </context>
</TS>
