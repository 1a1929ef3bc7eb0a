/**
 * What each import issue means, in both UI languages: a headline and a reason (why it matters or
 * what to do). Keyed by `IssueCode`, so a code without both texts in both languages does not
 * type-check; the issue's own `message` (English, with the line, feature and values) is shown
 * beside them as the detail. Pure.
 */
import type { IssueCode } from '../data/import/types.ts';
import type { Lang } from './index.ts';

export interface IssueText {
  headline: string;
  reason: string;
}

const vi: Record<IssueCode, IssueText> = {
  // The file as a whole
  aborted: { headline: 'Đã hủy nhập', reason: 'Bạn đã dừng việc đọc tệp; dữ liệu đã có không thay đổi.' },
  'empty-file': { headline: 'Tệp rỗng', reason: 'Tệp không có nội dung (hoặc chỉ có khoảng trắng). Kiểm tra lại tệp đã xuất.' },
  'file-too-large': { headline: 'Tệp vượt giới hạn dung lượng (50 MB)', reason: 'Tệp lớn hơn 50 MB không được đọc để trình duyệt không bị treo. Hãy chia nhỏ tệp hoặc chuyển đổi bằng npm run convert.' },
  'format-mismatch': { headline: 'Nội dung không đúng định dạng như tên tệp', reason: 'Phần mở rộng của tên tệp hứa một định dạng nhưng nội dung là định dạng khác. Hãy đổi tên hoặc xuất lại tệp.' },
  'unsupported-format': { headline: 'Định dạng không được hỗ trợ', reason: 'Chỉ nhập được GeoJSON, KML, KMZ, GPX, CSV hoặc Shapefile nén .zip.' },
  'internal-error': { headline: 'Lỗi nội bộ khi đọc tệp', reason: 'Trình đọc gặp lỗi không lường trước với tệp này; dữ liệu đã có không bị ảnh hưởng. Hãy thử xuất lại tệp từ phần mềm GIS.' },
  'text-too-large': { headline: 'Văn bản vượt giới hạn (50 MB)', reason: 'Văn bản (GeoJSON, CSV, KML, GPX hoặc KML giải nén từ KMZ) lớn hơn 50 MB không được đọc vì sẽ làm cạn bộ nhớ của trình duyệt. Hãy chia nhỏ tệp.' },
  'too-many-features': { headline: 'Quá nhiều đối tượng', reason: 'Lớp có nhiều đối tượng hơn giới hạn (250.000); bản đồ và các phân tích sẽ không chạy nổi. Hãy chia nhỏ hoặc lọc bớt.' },
  'too-many-vertices': { headline: 'Quá nhiều đỉnh', reason: 'Tổng số đỉnh vượt giới hạn (5 triệu). Hãy đơn giản hóa hình học (simplify) hoặc chia nhỏ tệp.' },
  'deeply-nested': { headline: 'Cấu trúc lồng nhau quá sâu', reason: 'Tệp lồng mảng, đối tượng hoặc thẻ sâu hơn nhiều so với mức dữ liệu địa lý cần; tệp như vậy có thể làm tràn ngăn xếp của trình đọc nên bị từ chối.' },
  'worker-failed': { headline: 'Trình đọc tệp đã dừng', reason: 'Tiến trình đọc tệp bị lỗi hoặc không tải được (ví dụ đang ngoại tuyến với phiên bản cũ). Đã dừng nó; tải lại trang khi có mạng rồi thử lại.' },
  'worker-timeout': { headline: 'Đọc tệp quá lâu', reason: 'Việc đọc tệp vượt quá thời gian cho phép nên đã bị dừng. Hãy chia nhỏ tệp hoặc chuyển đổi bằng npm run convert.' },
  'result-part-lost': { headline: 'Phần {part} của các đối tượng đọc từ "{file}" bị thiếu hoặc đến sai thứ tự', reason: 'Các đối tượng đọc được từ tệp được chuyển sang trang theo từng phần; một phần không đến đúng lượt nên việc nhập đã dừng và không có gì được thêm. Dữ liệu đã có không thay đổi; hãy nhập lại tệp.' },
  // Text and encodings
  'invalid-utf8': { headline: 'Văn bản không phải UTF-8', reason: 'GeoJSON phải được mã hóa UTF-8. Hãy lưu lại tệp với mã hóa UTF-8.' },
  'encoding-tcvn3': { headline: 'Mã TCVN3 (ABC) đã được chuyển sang Unicode', reason: 'Văn bản dùng bảng mã tiếng Việt cũ TCVN3 và đã được chuyển; hãy kiểm tra vài tên có dấu.' },
  'encoding-vni': { headline: 'Văn bản mã VNI, chưa chuyển được', reason: 'Bảng mã VNI không được chuyển đổi nên tên có dấu sẽ hiển thị sai. Hãy chuyển sang Unicode (UTF-8) rồi nhập lại.' },
  'encoding-unknown': { headline: 'Không nhận ra bảng mã văn bản', reason: 'Văn bản không phải UTF-8 và được đọc theo Windows-1258; nếu tên hiển thị sai, hãy lưu lại dưới dạng UTF-8.' },
  'encoding-unsupported': { headline: 'Bảng mã không được hỗ trợ', reason: 'Trình duyệt không giải mã được bảng mã này nên văn bản được đọc như UTF-8.' },
  'cpg-mismatch': { headline: 'Tệp .cpg không khớp với mã hóa thực tế', reason: 'Tệp .cpg ghi một bảng mã nhưng văn bản trong .dbf dùng bảng mã khác; hãy kiểm tra tên có dấu.' },
  'cpg-unknown': { headline: 'Không nhận ra bảng mã trong .cpg', reason: 'Bảng mã được đoán từ nội dung văn bản; hãy kiểm tra tên có dấu.' },
  // GeoJSON
  'invalid-json': { headline: 'JSON không hợp lệ', reason: 'Tệp có lỗi cú pháp JSON tại dòng được chỉ ra; hãy sửa hoặc xuất lại tệp.' },
  'truncated-json': { headline: 'JSON bị cắt cụt', reason: 'Tệp kết thúc trước khi JSON hoàn chỉnh, có thể do tải về hoặc sao chép dở dang.' },
  'not-geojson': { headline: 'JSON hợp lệ nhưng không phải GeoJSON', reason: 'Tệp cần là FeatureCollection, Feature hoặc một hình học GeoJSON; hãy xuất lại dưới dạng GeoJSON.' },
  // KML, KMZ, GPX
  'invalid-xml': { headline: 'XML không hợp lệ', reason: 'Tệp có lỗi cú pháp XML tại dòng được chỉ ra; hãy xuất lại tệp.' },
  'truncated-xml': { headline: 'XML bị cắt cụt', reason: 'Tệp kết thúc khi còn thẻ chưa đóng, có thể do tải về dở dang.' },
  'xml-doctype': { headline: 'XML có khai báo DTD (<!DOCTYPE>): bị từ chối', reason: 'KML và GPX không cần DTD; thực thể DTD có thể nở ra vô hạn hoặc trỏ tới tệp khác nên không bao giờ được đọc. Hãy xóa dòng <!DOCTYPE …> rồi nhập lại.' },
  'not-kml': { headline: 'XML không phải KML', reason: 'Phần tử gốc của tệp không phải <kml>; hãy xuất lại tệp dưới dạng KML.' },
  'not-gpx': { headline: 'XML không phải GPX', reason: 'Phần tử gốc của tệp không phải <gpx>; hãy xuất lại tệp dưới dạng GPX.' },
  'kmz-no-kml': { headline: 'KMZ không chứa tệp KML', reason: 'Tệp nén KMZ phải chứa một tài liệu .kml (thường là doc.kml).' },
  'kmz-multiple-kml': { headline: 'KMZ có nhiều tệp KML, chỉ đọc tệp đầu', reason: 'Chỉ một tài liệu KML được đọc; hãy tách các tài liệu còn lại nếu cần.' },
  // ZIP and Shapefile
  'invalid-zip': { headline: 'Tệp ZIP bị hỏng', reason: 'Không giải nén được tệp; có thể tệp bị hỏng hoặc tải về dở dang.' },
  'zip-too-large': { headline: 'Tệp nén giải nén vượt giới hạn', reason: 'Nội dung sau khi giải nén lớn hơn giới hạn (50 MB văn bản cho KML, 100 MB cho Shapefile) nên không được giải nén tiếp, tránh làm cạn bộ nhớ.' },
  'zip-no-shapefile': { headline: 'Tệp ZIP không chứa Shapefile', reason: 'Tệp .zip cần chứa .shp cùng .dbf, .prj (và .cpg) của cùng một lớp.' },
  'shapefile-not-zipped': { headline: 'Shapefile cần được nén .zip cùng các tệp đi kèm', reason: 'Tệp .shp một mình thiếu thuộc tính (.dbf) và hệ tọa độ (.prj); hãy nén chúng thành một tệp .zip.' },
  'shapefile-multiple-layers': { headline: 'Tệp zip có nhiều Shapefile, chỉ đọc lớp đầu', reason: 'Mỗi lần nhập đọc một lớp; hãy nén riêng từng lớp.' },
  'shapefile-missing-dbf': { headline: 'Shapefile thiếu tệp .dbf', reason: 'Không có .dbf nên các đối tượng không có thuộc tính.' },
  'shapefile-missing-prj': { headline: 'Shapefile thiếu tệp .prj', reason: 'Không có .prj nên hệ tọa độ phải được đoán; hãy xác nhận hệ tọa độ.' },
  'invalid-shp': { headline: 'Tệp .shp không hợp lệ', reason: 'Tệp .shp bị hỏng, cắt cụt hoặc không phải Shapefile.' },
  'invalid-dbf': { headline: 'Tệp .dbf không hợp lệ', reason: 'Bảng thuộc tính .dbf bị hỏng hoặc quá ngắn nên không đọc được.' },
  'dbf-truncated': { headline: 'Tệp .dbf bị cắt cụt', reason: 'Một số bản ghi cuối không có thuộc tính.' },
  'dbf-count-mismatch': { headline: 'Số bản ghi .dbf khác số hình .shp', reason: 'Thuộc tính được ghép theo thứ tự; hãy kiểm tra vài đối tượng.' },
  // CSV
  'csv-one-column': { headline: 'Bảng CSV chỉ có một cột', reason: 'Bảng cần hai cột tọa độ (kinh độ/vĩ độ hoặc x/y) hoặc một cột WKT; có thể dấu phân cách không được nhận ra.' },
  'csv-column-missing': { headline: 'Không có cột tọa độ đã chọn', reason: 'Cột được chọn làm tọa độ không có trong dòng tiêu đề của bảng; hãy chọn lại cột.' },
  'csv-needs-mapping': { headline: 'Cần chọn cột tọa độ', reason: 'Tiêu đề bảng không cho biết rõ cột nào chứa tọa độ; hãy chọn cột X/Y hoặc WKT.' },
  'csv-bad-coordinate': { headline: 'Dòng CSV có tọa độ không đọc được', reason: 'Giá trị tọa độ không phải là số nên dòng bị bỏ qua.' },
  'csv-bad-wkt': { headline: 'Dòng CSV có WKT không hợp lệ', reason: 'Hình học WKT của dòng không đọc được nên dòng bị bỏ qua.' },
  'csv-xy-northing-easting': { headline: 'Cột X/Y theo kiểu trắc địa (X = bắc), đã đổi chỗ', reason: 'Theo quy ước trắc địa Việt Nam, X là tọa độ bắc và Y là tọa độ đông; hai cột đã được đổi chỗ.' },
  // Coordinate systems
  'unsupported-crs': { headline: 'Hệ tọa độ không được hỗ trợ', reason: 'Hãy chọn hệ tọa độ của tệp (VN-2000, UTM hoặc WGS 84).' },
  'crs-overridden': { headline: 'Đã dùng hệ tọa độ do người dùng chọn', reason: 'Hệ tọa độ bạn chọn được dùng thay cho hệ tọa độ tệp khai báo.' },
  'crs-assumed': { headline: 'Hệ tọa độ được giả định', reason: 'Tệp không khai báo hệ tọa độ; tọa độ trông như kinh độ/vĩ độ nên được đọc theo WGS 84.' },
  'crs-proposed': { headline: 'Hệ tọa độ được đề xuất, cần xác nhận', reason: 'Tọa độ phẳng không có khai báo hệ tọa độ; hệ được đề xuất là hệ đặt các điểm vào vùng. Hãy xác nhận hoặc chọn hệ khác.' },
  'crs-mismatch': { headline: 'Hệ tọa độ khai báo không khớp với tọa độ', reason: 'Tệp khai báo độ (kinh/vĩ) nhưng tọa độ là mét; hãy chọn đúng hệ tọa độ.' },
  'projected-without-crs': { headline: 'Tọa độ phẳng nhưng không khai báo hệ tọa độ', reason: 'Không hệ tọa độ được hỗ trợ nào đặt các điểm vào vùng; hãy chọn hệ tọa độ của tệp.' },
  'swapped-lat-lon': { headline: 'Kinh độ/vĩ độ bị đảo, đã đổi lại', reason: 'Tọa độ được ghi theo thứ tự vĩ độ, kinh độ; đổi chỗ thì chúng nằm trong vùng.' },
  // Features
  'empty-layer': { headline: 'Lớp không có đối tượng', reason: 'Tệp đọc được nhưng không có đối tượng nào.' },
  'null-geometry': { headline: 'Đối tượng không có hình học', reason: 'Đối tượng không có vị trí nên bị bỏ qua.' },
  'invalid-geometry': { headline: 'Hình học không hợp lệ', reason: 'Hình học của đối tượng sai cấu trúc (ví dụ vòng đa giác ít hơn 3 điểm hoặc tọa độ không phải số) nên đối tượng bị bỏ qua.' },
  'line-one-point': { headline: 'Đường chỉ có một điểm', reason: 'Một đường cần ít nhất hai điểm khác nhau; đối tượng bị bỏ qua.' },
  'out-of-range': { headline: 'Tọa độ ngoài phạm vi', reason: 'Tọa độ nằm ngoài kinh độ −180…180 / vĩ độ −90…90 nên không phải một vị trí trên Trái Đất; có thể là lỗi nhập liệu. Đối tượng bị bỏ qua.' },
  'projected-in-degrees': { headline: 'Tọa độ phẳng (mét) trong tệp được đọc là độ', reason: 'Tọa độ trông như mét của một hệ tọa độ phẳng (VN-2000, UTM) nhưng tệp được đọc theo WGS 84; hãy chọn hệ tọa độ của tệp.' },
  'ring-closed': { headline: 'Vòng đa giác chưa khép, đã khép lại', reason: 'Điểm cuối của vòng khác điểm đầu; đã thêm điểm đầu vào cuối vòng.' },
  'self-intersection': { headline: 'Đa giác tự cắt', reason: 'Đa giác tự cắt cho diện tích và phép chồng lớp sai nên bị bỏ qua; hãy sửa trong phần mềm GIS.' },
  'outside-region': { headline: 'Tọa độ nằm ngoài vùng', reason: 'Một số đối tượng nằm xa vùng hơn 2°; hãy kiểm tra hệ tọa độ.' },
  'duplicate-id': { headline: 'Trùng mã định danh', reason: 'Hai đối tượng có cùng mã; cả hai được giữ nhưng mã nên là duy nhất.' },
  'html-in-property': { headline: 'Thuộc tính chứa HTML/script (giữ nguyên dạng chữ, không thực thi)', reason: 'Giá trị được hiển thị như văn bản thường, không bao giờ như HTML.' },
  'unicode-normalised': { headline: 'Văn bản Unicode đã được chuẩn hóa', reason: 'Chữ có dấu dạng tổ hợp (NFD) đã được chuẩn hóa sang NFC để tên khớp và tìm kiếm đúng.' },
  'mixed-geometry': { headline: 'Lớp trộn nhiều kiểu hình học', reason: 'Lớp có cả điểm, đường hoặc vùng; mỗi vai trò chỉ dùng kiểu hình học của nó.' },
  'no-valid-features': { headline: 'Không có đối tượng hợp lệ', reason: 'Mọi đối tượng đều bị bỏ qua; xem các vấn đề khác để biết lý do.' },
};

const en: Record<IssueCode, IssueText> = {
  aborted: { headline: 'Import cancelled', reason: 'You stopped reading the file; what is loaded did not change.' },
  'empty-file': { headline: 'Empty file', reason: 'The file has no content (or only whitespace). Check the exported file.' },
  'file-too-large': { headline: 'File over the size limit (50 MB)', reason: 'Files over 50 MB are not read, so the browser does not freeze. Split the file or convert it with npm run convert.' },
  'format-mismatch': { headline: 'Content is not the format its name says', reason: 'The file name promises one format but the content is another. Rename it or export it again.' },
  'unsupported-format': { headline: 'Unsupported format', reason: 'Only GeoJSON, KML, KMZ, GPX, CSV or a zipped Shapefile can be imported.' },
  'internal-error': { headline: 'Internal error while reading', reason: 'The reader failed unexpectedly on this file; what is loaded is untouched. Try exporting the file again from your GIS.' },
  'text-too-large': { headline: 'Text over the limit (50 MB)', reason: 'Text (GeoJSON, CSV, KML, GPX, or the KML inflated from a KMZ) over 50 MB is not read: it would exhaust the browser\'s memory. Split the file.' },
  'too-many-features': { headline: 'Too many features', reason: 'The layer has more features than the limit (250,000); the map and analyses could not cope. Split or filter it.' },
  'too-many-vertices': { headline: 'Too many vertices', reason: 'The total number of vertices is over the limit (5 million). Simplify the geometry or split the file.' },
  'deeply-nested': { headline: 'Nested too deeply', reason: 'The file nests arrays, objects or elements far deeper than geodata needs; such a file could overflow the reader\'s stack, so it is refused.' },
  'worker-failed': { headline: 'The file reader stopped', reason: 'The background reader failed or could not be loaded (e.g. offline with an outdated version). It was stopped; reload the page when online and try again.' },
  'worker-timeout': { headline: 'Reading took too long', reason: 'Reading the file went over the time allowed and was stopped. Split the file or convert it with npm run convert.' },
  'result-part-lost': { headline: 'Part {part} of the features read from "{file}" was missing or out of order', reason: 'The features read from the file go to the page in parts; one did not come in its turn, so the import was stopped and nothing was added. What was already loaded is unchanged; import the file again.' },
  'invalid-utf8': { headline: 'Text is not UTF-8', reason: 'GeoJSON must be UTF-8 encoded. Save the file again as UTF-8.' },
  'encoding-tcvn3': { headline: 'TCVN3 (ABC) text converted to Unicode', reason: 'The text used the legacy Vietnamese TCVN3 encoding and was converted; check a few names with diacritics.' },
  'encoding-vni': { headline: 'VNI text, not converted', reason: 'VNI is not converted, so names with diacritics will read wrongly. Convert to Unicode (UTF-8) and import again.' },
  'encoding-unknown': { headline: 'Unknown text encoding', reason: 'The text is not UTF-8 and was read as Windows-1258; if names look wrong, save it as UTF-8.' },
  'encoding-unsupported': { headline: 'Unsupported encoding', reason: 'The browser cannot decode this code page, so the text was read as UTF-8.' },
  'cpg-mismatch': { headline: 'The .cpg does not match the text encoding', reason: 'The .cpg names one code page but the .dbf text uses another; check names with diacritics.' },
  'cpg-unknown': { headline: 'Unknown code page in the .cpg', reason: 'The encoding was guessed from the text; check names with diacritics.' },
  'invalid-json': { headline: 'Invalid JSON', reason: 'The file has a JSON syntax error at the line shown; fix or export it again.' },
  'truncated-json': { headline: 'Truncated JSON', reason: 'The file ends before the JSON is complete, probably an interrupted download or copy.' },
  'not-geojson': { headline: 'Valid JSON but not GeoJSON', reason: 'The file must be a FeatureCollection, a Feature or a GeoJSON geometry; export it again as GeoJSON.' },
  'invalid-xml': { headline: 'Invalid XML', reason: 'The file has an XML syntax error at the line shown; export it again.' },
  'truncated-xml': { headline: 'Truncated XML', reason: 'The file ends with elements still open, probably an interrupted download.' },
  'xml-doctype': { headline: 'XML with a DTD (<!DOCTYPE>): refused', reason: 'KML and GPX need no DTD; DTD entities can expand without bound or point at other files, so they are never read. Remove the <!DOCTYPE …> line and import again.' },
  'not-kml': { headline: 'XML that is not KML', reason: 'The root element is not <kml>; export the file again as KML.' },
  'not-gpx': { headline: 'XML that is not GPX', reason: 'The root element is not <gpx>; export the file again as GPX.' },
  'kmz-no-kml': { headline: 'KMZ without a KML document', reason: 'A KMZ archive must hold a .kml document (usually doc.kml).' },
  'kmz-multiple-kml': { headline: 'KMZ with several KML files: first one read', reason: 'Only one KML document is read; split the others out if needed.' },
  'invalid-zip': { headline: 'Damaged ZIP archive', reason: 'The archive could not be extracted; it may be damaged or incompletely downloaded.' },
  'zip-too-large': { headline: 'Archive expands beyond the limit', reason: 'Its content would be larger than the limit once extracted (50 MB of text for KML, 100 MB for a Shapefile), so extraction stopped before exhausting memory.' },
  'zip-no-shapefile': { headline: 'ZIP without a Shapefile', reason: 'The .zip must hold a .shp with the .dbf, .prj (and .cpg) of the same layer.' },
  'shapefile-not-zipped': { headline: 'Zip the Shapefile with its companion files', reason: 'A bare .shp lacks its attributes (.dbf) and coordinate system (.prj); zip them together.' },
  'shapefile-multiple-layers': { headline: 'Several Shapefiles in the zip: first one read', reason: 'One layer is read per import; zip each layer on its own.' },
  'shapefile-missing-dbf': { headline: 'Shapefile without its .dbf', reason: 'Without a .dbf the features have no attributes.' },
  'shapefile-missing-prj': { headline: 'Shapefile without its .prj', reason: 'Without a .prj the coordinate system has to be guessed; confirm it.' },
  'invalid-shp': { headline: 'Invalid .shp', reason: 'The .shp is damaged, truncated or not a Shapefile.' },
  'invalid-dbf': { headline: 'Invalid .dbf', reason: 'The .dbf attribute table is damaged or too short to read.' },
  'dbf-truncated': { headline: 'Truncated .dbf', reason: 'The last records have no attributes.' },
  'dbf-count-mismatch': { headline: '.dbf records differ from .shp shapes', reason: 'Attributes were matched by position; check a few features.' },
  'csv-one-column': { headline: 'CSV with a single column', reason: 'The table needs two coordinate columns (lon/lat or x/y) or one WKT column; its delimiter may not have been recognised.' },
  'csv-column-missing': { headline: 'The chosen coordinate column is missing', reason: 'The column chosen for coordinates is not in the table\'s header; choose the columns again.' },
  'csv-needs-mapping': { headline: 'Choose the coordinate columns', reason: 'The header does not say clearly which columns hold coordinates; choose X/Y or WKT.' },
  'csv-bad-coordinate': { headline: 'CSV row with unreadable coordinates', reason: 'A coordinate value is not a number, so the row was skipped.' },
  'csv-bad-wkt': { headline: 'CSV row with invalid WKT', reason: 'The row\'s WKT geometry could not be read, so the row was skipped.' },
  'csv-xy-northing-easting': { headline: 'Surveyor X/Y (X = north): swapped', reason: 'In the Vietnamese surveying convention X is the northing and Y the easting; the columns were swapped.' },
  'unsupported-crs': { headline: 'Unsupported coordinate system', reason: 'Choose the file\'s coordinate system (VN-2000, UTM or WGS 84).' },
  'crs-overridden': { headline: 'Coordinate system chosen by you', reason: 'Your choice is used instead of the coordinate system the file declares.' },
  'crs-assumed': { headline: 'Coordinate system assumed', reason: 'The file declares none; the coordinates look like longitude/latitude and were read as WGS 84.' },
  'crs-proposed': { headline: 'Coordinate system proposed: please confirm', reason: 'Projected coordinates without a declared system; the proposal is the one that puts them in the region. Confirm it or choose another.' },
  'crs-mismatch': { headline: 'Declared coordinate system contradicts the coordinates', reason: 'The file declares degrees but the coordinates are metres; choose the right system.' },
  'projected-without-crs': { headline: 'Projected coordinates without a coordinate system', reason: 'No supported system puts them in the region; choose the file\'s coordinate system.' },
  'swapped-lat-lon': { headline: 'Latitude/longitude swapped: corrected', reason: 'The coordinates were written latitude first; swapped, they fall in the region.' },
  'empty-layer': { headline: 'Layer without features', reason: 'The file could be read but holds no features.' },
  'null-geometry': { headline: 'Feature without geometry', reason: 'The feature has no location, so it was left out.' },
  'invalid-geometry': { headline: 'Invalid geometry', reason: 'The feature\'s geometry is malformed (e.g. a ring with fewer than 3 positions or a non-numeric coordinate), so it was left out.' },
  'line-one-point': { headline: 'Line with a single point', reason: 'A line needs at least two distinct positions; the feature was left out.' },
  'out-of-range': { headline: 'Coordinates out of range', reason: 'The coordinate is outside longitude −180…180 / latitude −90…90, so it is no place on Earth; probably a typing error. The feature was left out.' },
  'projected-in-degrees': { headline: 'Projected metres in a file read as degrees', reason: 'The coordinates look like metres of a projected system (VN-2000, UTM) but the file was read as WGS 84; choose the file\'s coordinate system.' },
  'ring-closed': { headline: 'Unclosed polygon ring closed', reason: 'The ring\'s last position differed from its first; the first was repeated at the end.' },
  'self-intersection': { headline: 'Self-intersecting polygon', reason: 'A polygon that crosses itself gives wrong areas and overlays, so it was left out; fix it in your GIS.' },
  'outside-region': { headline: 'Coordinates outside the region', reason: 'Some features lie more than 2° from the region; check the coordinate system.' },
  'duplicate-id': { headline: 'Duplicate id', reason: 'Two features share an id; both were kept, but ids should be unique.' },
  'html-in-property': { headline: 'HTML/script in a property (kept as text, never run)', reason: 'The value is shown as plain text, never as HTML.' },
  'unicode-normalised': { headline: 'Unicode text normalised', reason: 'Decomposed (NFD) text was normalised to NFC so names match and search as expected.' },
  'mixed-geometry': { headline: 'Mixed geometry types', reason: 'The layer holds points, lines or areas together; each role uses only its own geometry type.' },
  'no-valid-features': { headline: 'No valid features', reason: 'Every feature was left out; see the other issues for why.' },
};

/** Both dictionaries, for tests that walk every code. */
export const ISSUE_TEXT: Record<Lang, Record<IssueCode, IssueText>> = { vi, en };

/**
 * The headline and reason of an issue code in `lang`; null for a code this build does not know
 * (never thrown). `{name}` in them is replaced by `values[name]` (e.g. `result-part-lost`: `part`,
 * `file`), as text.
 */
export function issueText(lang: Lang, code: string, values: Record<string, string | number | undefined> = {}): IssueText | null {
  if (!Object.hasOwn(ISSUE_TEXT[lang], code)) return null;
  const t = ISSUE_TEXT[lang][code as IssueCode];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) && values[k] !== undefined ? String(values[k]) : m));
  return { headline: fill(t.headline), reason: fill(t.reason) };
}
