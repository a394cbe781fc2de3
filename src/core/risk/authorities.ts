// Authorities the rules cite. as_of is the date of the legal research the
// citation's status reflects (legal-landscape.md); the cite itself carries the
// date of the decision or enactment. Update as_of when a line is re-checked.
import type { Authority } from "../draft.js";

const AS_OF = "2026-11-01";

function a(cite: string, url: string, as_of: string = AS_OF): Authority {
  return Object.freeze({ cite, url, as_of }) as Authority;
}

export const A = {
  northDakota: a("North Dakota v. United States, 495 U.S. 423 (1990)", "https://supreme.justia.com/cases/federal/us/495/423/"),
  washington: a("United States v. Washington, 596 U.S. 832 (2022)", "https://supreme.justia.com/cases/federal/us/596/21-404/"),
  johnson: a("Johnson v. Maryland, 254 U.S. 51 (1920)", "https://supreme.justia.com/cases/federal/us/254/51/"),
  arcata: a("United States v. City of Arcata, 629 F.3d 986 (9th Cir. 2010)", "https://www.courtlistener.com/c/F.3d/629/986/"),
  kingCounty: a("United States v. King County, No. 23-35362 (9th Cir. Nov. 29, 2024)", "https://cdn.ca9.uscourts.gov/datastore/opinions/2024/11/29/23-35362.pdf"),
  california2019: a("United States v. California, 921 F.3d 865 (9th Cir. 2019)", "https://cdn.ca9.uscourts.gov/datastore/opinions/2019/04/18/18-16496.pdf"),
  sb627: a("Cal. SB 627 (2025), Gov. Code § 7289, Penal Code § 185.5 (\"No Secret Police Act\")", "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB627"),
  sb805: a("Cal. SB 805 (2025), Gov. Code § 7288, Penal Code §§ 538d-538h, 13653, 13654 (\"No Vigilantes Act\")", "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB805"),
  californiaMasks: a(
    "United States v. California (C.D. Cal. Feb. 9, 2026) (SB 627 preliminarily enjoined as applied to federal officers: exclusion of state officers is discrimination)",
    "https://www.courtlistener.com/?q=%22United+States+v.+California%22+%22SB+627%22",
  ),
  california9th2026: a(
    "United States v. California, No. 26-926 (9th Cir. Apr. 22, 2026) (injunction pending appeal against SB 805 § 10: direct regulation even if even-handed)",
    "https://www.courtlistener.com/?q=%2226-926%22+%22United+States+v.+California%22",
  ),
  neagle: a("In re Neagle, 135 U.S. 1 (1890)", "https://supreme.justia.com/cases/federal/us/135/1/"),
  removal: a("28 U.S.C. § 1442 (removal of prosecutions of federal officers)", "https://www.law.cornell.edu/uscode/text/28/1442"),
  westfall: a("28 U.S.C. § 2679 (Westfall Act)", "https://www.law.cornell.edu/uscode/text/28/2679"),
  usc1373: a("8 U.S.C. § 1373", "https://www.law.cornell.edu/uscode/text/8/1373"),
  usc1644: a("8 U.S.C. § 1644", "https://www.law.cornell.edu/uscode/text/8/1644"),
  philadelphia: a("City of Philadelphia v. Attorney General, 916 F.3d 276 (3d Cir. 2019)", "https://www.courtlistener.com/c/F.3d/916/276/"),
  oceanCounty: a("Ocean County Board of Commissioners v. Attorney General of New Jersey, 8 F.4th 176 (3d Cir. 2021)", "https://www.courtlistener.com/c/F.4th/8/176/"),
  chicagoBarr: a("City of Chicago v. Barr, 961 F.3d 882 (7th Cir. 2020)", "https://www.courtlistener.com/c/F.3d/961/882/"),
  elCenizo: a("City of El Cenizo v. Texas, 890 F.3d 164 (5th Cir. 2018)", "https://www.courtlistener.com/c/F.3d/890/164/"),
  murphy: a("Murphy v. NCAA, 584 U.S. 453 (2018)", "https://supreme.justia.com/cases/federal/us/584/16-476/"),
  printz: a("Printz v. United States, 521 U.S. 898 (1997)", "https://supreme.justia.com/cases/federal/us/521/898/"),
  arizona: a("Arizona v. United States, 567 U.S. 387 (2012)", "https://supreme.justia.com/cases/federal/us/567/387/"),
  foia: a("5 U.S.C. § 552(a)(6) (20 working days to decide a request; up to 10 more in unusual circumstances)", "https://www.law.cornell.edu/uscode/text/5/552"),
  arlingtonHeights: a("Village of Arlington Heights v. Metropolitan Housing Development Corp., 429 U.S. 252 (1977)", "https://supreme.justia.com/cases/federal/us/429/252/"),
  grayned: a("Grayned v. City of Rockford, 408 U.S. 104 (1972)", "https://supreme.justia.com/cases/federal/us/408/104/"),
  // Researched for the rules added in December 2026 (sources: court records and reports of the suits named).
  usIllinois2025: a(
    "United States v. Illinois (complaint filed Dec. 22, 2025) (challenging HB 1312: the Illinois Bivens Act's damages action against officers in civil immigration enforcement, and the 1,000-foot courthouse civil-arrest zone)",
    "https://pslc.org/cases/united-states-v-illinois-2",
    "2026-12-01",
  ),
  illinoisBivens: a("Ill. HB 1312 (2025), Public Act 104-0440 (Illinois Bivens Act; Court Access, Safety, and Participation Act), signed Dec. 9, 2025", "https://ilga.gov/ftp/legislation/104/SB/10400SB2729.htm", "2026-12-01"),
  geoEnBanc: a("GEO Group, Inc. v. Newsom, 50 F.4th 745 (9th Cir. 2022) (en banc) (California's ban on private detention facilities could not be applied to ICE's contractors)", "https://case-law.vlex.com/vid/geo-grp-inc-v-928731025", "2026-12-01"),
  ab450: a("United States v. California, 314 F. Supp. 3d 1077 (E.D. Cal. 2018) (AB 450's bar on employers' voluntary consent to immigration agents preliminarily enjoined as discrimination against those who deal with the federal government)", "https://www.courtlistener.com/?q=%22314+F.+Supp.+3d+1077%22", "2026-12-01"),
  mcCullen: a("McCullen v. Coakley, 573 U.S. 464 (2014) (a 35-foot buffer zone on public sidewalks, traditional public fora, struck)", "https://supreme.justia.com/cases/federal/us/573/12-1168/", "2026-12-01"),
  sb627Policy: a("Cal. SB 627 (2025), Gov. Code § 7289 (every law enforcement agency operating in California must maintain and post a facial-covering policy; challenges answered within 90 days)", "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB627", "2026-12-01"),
  minneapolisEo: a("Minneapolis Executive Order 2025-02 (Dec. 3, 2025), issued under City Charter § 7.1", "https://www.minneapolismn.gov/government/mayor/executive-orders/executive-order-2025-02/"),
} as const;
