import { approvalCertificateLines } from "@tandem/domain/volunteers";

/**
 * The approval certificate as a one-page A4 PDF. The words come from the domain
 * (`approvalCertificateLines`), so the PDF and any printable page say the same thing; this only
 * lays them out, centred, with the title and the volunteer's name larger.
 */
export async function certificatePdf(input: {
  volunteerName: string;
  tenantName: string;
  approvedOn: string;
  approvedBy?: { name: string; jobTitle: string };
}): Promise<Uint8Array> {
  // pdf-lib is large and only this route uses it: loaded on the first certificate, not at cold start.
  const { PDFDocument, rgb, StandardFonts } = await import("pdf-lib");
  const lines = approvalCertificateLines(input);
  const doc = await PDFDocument.create();
  doc.setTitle(`Certificate of Approval: ${input.volunteerName}`);
  doc.setAuthor(input.tenantName);
  doc.setCreator("Tandem");
  const page = doc.addPage([595.28, 841.89]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = page.getSize();
  page.drawRectangle({
    x: 36,
    y: 36,
    width: width - 72,
    height: height - 72,
    borderColor: rgb(0.11, 0.31, 0.57),
    borderWidth: 3,
  });
  let y = height - 170;
  lines.forEach((raw, i) => {
    const big = i === 0 || raw === input.volunteerName;
    const font = big ? bold : regular;
    const size = i === 0 ? 30 : big ? 24 : 15;
    // The standard fonts cover WinAnsi only: anything else is replaced rather than failing the PDF.
    const text = raw.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, "?");
    const textWidth = font.widthOfTextAtSize(text, size);
    page.drawText(text, { x: (width - textWidth) / 2, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= size + (i === 0 ? 36 : 22);
  });
  return doc.save();
}
