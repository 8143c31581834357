"""Writes three more sample questionnaires, as customers of Larkspur Analytics would send them,
and the answer key for them (run once; the outputs are committed).

samples/globex-vendor-assessment.xlsx     a SIG-Lite-style workbook: Cover and Instructions
                                          sheets, two question tabs (Security, Privacy) with
                                          the header in row 5, section rows merged across,
                                          and a Yes/No/N/A drop-down fed from a hidden Lists
                                          sheet.
samples/initech-security-questionnaire.csv
                                          a CSV saved by a European Excel: semicolon-delimited,
                                          Windows-1252, CRLF, two title rows above the header
                                          in row 3, a domain column, a few free-text
                                          "Describe ..." questions and a closing note.
samples/contoso-cloud-review.xlsx         a customer's own layout: a title block, ids in A,
                                          area names in a vertically merged column B, the
                                          question in C, the customer's criticality in D,
                                          owner in E, an inline Yes/No/Partially/Not
                                          Applicable drop-down in F, comments in G and an
                                          evidence link in H. Four questions are phrased as
                                          risks, so that "Yes" is the bad answer.
samples/questionnaires-key.yaml           for every question: where it is, the answer a
                                          careful Larkspur analyst would give from
                                          samples/library, and the controls it concerns.

All answers are left empty. Larkspur and the customers (Globex, Initech, Contoso) are
fictitious; the questions are written for Quire and are not copied from SIG, CAIQ or any
other published questionnaire. Output is deterministic (fixed document dates, no randomness).
Requires xlsxwriter (installed by `make test` into .venv).
"""
import csv
import datetime
import json
import pathlib

import xlsxwriter

HERE = pathlib.Path(__file__).parent
CREATED = datetime.datetime(2026, 11, 2, 9, 30)

# Each question: (id, question, expected answer, controls, library answers, note).
# The expected answer is what a careful Larkspur analyst would give from samples/library
# (implementation.yaml statuses and answers.yaml): "Yes", "No", "N/A", "Partially", or
# "review" when the library does not support a definite choice (a partial control asked
# about in a questionnaire without "Partially", or a free-text question).

GLOBEX_SECURITY = [
    ("A. Security Program and Governance", [
        ("A.1", "Has senior management approved a documented set of information security policies, and are "
                "they communicated to all personnel?",
         "Yes", ["GOV-02", "GOV-08"], ["ANS-0001", "ANS-0013"], None),
        ("A.2", "Is the status of the information security program reported to the Board of Directors, or "
                "a committee of the Board, at least once a year?",
         "Yes", ["GOV-04"], ["ANS-0008", "ANS-0002"], None),
    ]),
    ("B. Risk Management", [
        ("B.1", "Is an information security risk assessment carried out at least annually, with results "
                "recorded in a risk register?",
         "Yes", ["RSK-03", "RSK-01"], ["ANS-0017", "ANS-0018"], None),
        ("B.2", "Is there a documented process for gathering threat intelligence and using it to update the "
                "risk register?",
         "review", ["RSK-07"], ["ANS-0023", "ANS-0024"],
         "RSK-07 is partial: threat feeds are used, but there is no documented process that feeds them "
         "into the risk register. The tab offers no 'Partially'."),
    ]),
    ("C. Human Resources Security", [
        ("C.1", "Are background verification checks (identity, employment references, criminal record where "
                "lawful) completed before new hires start work?",
         "Yes", ["HR-01"], ["ANS-0025", "ANS-0026"], None),
        ("C.2", "Must all personnel complete security awareness training when they join and at least once "
                "every twelve months?",
         "Yes", ["HR-04"], ["ANS-0028", "ANS-0029"],
         "Yes, though EV-022 currently fails (7 people overdue)."),
        ("C.3", "Beyond general awareness, is targeted security training given to personnel in high-risk "
                "roles such as finance and customer support?",
         "review", ["HR-05"], ["ANS-0032"],
         "HR-05 is partial: support and finance training about 60% rolled out (ANS-0032 answered "
         "'Partial'). The tab offers no 'Partially'."),
    ]),
    ("D. Asset Management", [
        ("D.1", "Is an inventory of hardware, software and cloud assets maintained, with an owner assigned "
                "to every asset?",
         "Yes", ["AST-01"], ["ANS-0038"], None),
        ("D.2", "Are USB storage devices and other removable media technically blocked on end-user devices?",
         "Yes", ["AST-08", "AST-06"], ["ANS-0042"],
         "Blocked by CrowdStrike device control; AST-06 itself is not applicable. ANS-0042 answers the "
         "inverse question ('is removable media permitted?') with 'No'."),
    ]),
    ("E. Access Control", [
        ("E.1", "Is multi-factor authentication required for every user who accesses systems that store or "
                "process Scoped Data?",
         "Yes", ["IAM-03"], ["ANS-0047", "ANS-0049"], None),
        ("E.2", "Are user entitlements to systems holding Scoped Data recertified by the system owner on a "
                "periodic basis?",
         "Yes", ["IAM-07"], ["ANS-0056", "ANS-0057"], None),
        ("E.3", "Is administrative access to production granted only on a just-in-time basis and revoked "
                "automatically when the task is complete?",
         "review", ["IAM-08"], ["ANS-0059"],
         "IAM-08 is partial: JIT live in us-east-1; four SREs keep standing admin roles in eu-west-1 "
         "until January 2027. The tab offers no 'Partially'."),
        ("E.4", "Are logical access rights removed promptly, and no later than one business day, after an "
                "employee or contractor leaves?",
         "Yes", ["IAM-06", "HR-07"], ["ANS-0036", "ANS-0035"], None),
    ]),
    ("F. Cryptography", [
        ("F.1", "Is Scoped Data encrypted when stored, including in databases, file storage and backups?",
         "Yes", ["CRY-02"], ["ANS-0066", "ANS-0073"], None),
        ("F.2", "Is Scoped Data protected in transit across untrusted networks using TLS 1.2 or a later "
                "version?",
         "Yes", ["CRY-03"], ["ANS-0068", "ANS-0069"], None),
    ]),
    ("G. Operations Management", [
        ("G.1", "Are backups of Scoped Data taken regularly, held in a separate location and restored as a "
                "test on a defined schedule?",
         "Yes", ["OPS-04"], ["ANS-0085"], None),
        ("G.2", "Are security event logs collected centrally and kept for at least one year?",
         "Yes", ["LOG-01", "LOG-02"], ["ANS-0089", "ANS-0090", "ANS-0091"], "Kept for 13 months."),
    ]),
    ("H. Threat and Vulnerability Management", [
        ("H.1", "Are internal and external vulnerability scans performed, with findings fixed within defined "
                "timeframes according to severity?",
         "Yes", ["VUL-01", "VUL-02"], ["ANS-0096", "ANS-0097"],
         "Yes, though EV-077 currently fails (one critical finding past its SLA)."),
        ("H.2", "Is a penetration test of the application and its infrastructure performed by a qualified "
                "independent firm at least once a year?",
         "Yes", ["VUL-03"], ["ANS-0099", "ANS-0100"], None),
        ("H.3", "Are all workstations and servers protected by centrally managed malware detection, such as "
                "an EDR agent?",
         "Yes", ["VUL-04", "AST-08"], ["ANS-0104", "ANS-0105"], None),
        ("H.4", "Does the organisation publish a vulnerability disclosure policy telling external researchers "
                "how to report security issues?",
         "No", ["VUL-05"], ["ANS-0103"], "VUL-05 is planned (March 2027)."),
    ]),
    ("I. Application Security", [
        ("I.1", "Are applications built under a documented secure development methodology that covers "
                "security requirements and design review?",
         "Yes", ["SDL-01", "SDL-02", "SDL-03"], ["ANS-0114", "ANS-0124", "ANS-0115"], None),
        ("I.2", "Is every code change reviewed and approved by a second developer before it reaches "
                "production?",
         "Yes", ["SDL-04", "CHG-01"], ["ANS-0116"], None),
        ("I.3", "Are open-source and third-party libraries checked for known vulnerabilities, and updated when "
                "a fix is available?",
         "Yes", ["SDL-08", "VUL-01"], ["ANS-0120"], None),
    ]),
    ("J. Change Management", [
        ("J.1", "Must changes to production be tested and approved through a formal change control process "
                "before deployment?",
         "Yes", ["CHG-01"], ["ANS-0126", "ANS-0128"], None),
    ]),
    ("K. Incident Event and Communications Management", [
        ("K.1", "Is there a documented incident response plan defining roles, severity levels and escalation "
                "paths?",
         "Yes", ["INC-01", "INC-03"], ["ANS-0137", "ANS-0142"], None),
        ("K.2", "Is there a documented procedure for collecting and preserving forensic evidence, including "
                "chain of custody?",
         "No", ["INC-06"], ["ANS-0144"], "INC-06 is planned (January 2027)."),
    ]),
    ("L. Business Resiliency", [
        ("L.1", "Is there a business continuity plan approved by management and reviewed at least annually?",
         "Yes", ["BCM-01"], ["ANS-0148"], None),
        ("L.2", "Is the disaster recovery plan tested at least annually for all production environments?",
         "review", ["BCM-04", "BCM-03"], ["ANS-0152", "ANS-0148"],
         "BCM-04 is partial: eu-west-1 tested June 2026, us-east-1 last tested September 2025 (next "
         "Q1 2027). The tab offers no 'Partially'; a strict reading gives 'No'."),
        ("L.3", "Will the service fail over automatically to another geographic region if the primary region "
                "becomes unavailable?",
         "No", ["BCM-05"], ["ANS-0151"], "Restore into a second region within a 24-hour RTO."),
    ]),
    ("M. Third Party Management", [
        ("M.1", "Are subcontractors that handle Scoped Data assessed for security before they are engaged and "
                "reviewed periodically afterwards?",
         "Yes", ["VND-02", "VND-04"], ["ANS-0130", "ANS-0131"], None),
    ]),
    ("N. Network Security", [
        ("N.1", "Is inbound traffic to the production environment restricted by firewalls or security groups "
                "that deny by default?",
         "Yes", ["NET-01", "NET-02"], ["ANS-0107"], None),
        ("N.2", "Is web content filtering applied to the internet traffic of end users?",
         "No", ["NET-04"], ["ANS-0111"], "NET-04 is planned (DNS filtering pilot Q1 2027)."),
    ]),
    ("O. Physical and Environmental Security", [
        ("O.1", "Is entry to company offices controlled, with visitors signed in and escorted?",
         "Yes", ["PHY-01", "PHY-02"], ["ANS-0076"], None),
    ]),
]

GLOBEX_PRIVACY = [
    ("Privacy Program", [
        ("P.1", "Has a Data Protection Officer, or an equivalent privacy lead, been formally appointed?",
         "Yes", ["PRV-02"], ["ANS-0164"], None),
        ("P.2", "Is a record of processing activities kept for the processing performed on behalf of "
                "clients?",
         "Yes", ["PRV-03"], ["ANS-0165"], None),
        ("P.3", "Are data protection impact assessments completed before introducing processing likely to "
                "result in a high risk to individuals?",
         "Yes", ["PRV-09"], ["ANS-0169"], None),
        ("P.4", "Is privacy considered in product design, with data minimisation applied by default?",
         "Yes", ["PRV-08"], ["ANS-0170"], None),
    ]),
    ("Processing on Behalf of Globex", [
        ("P.5", "Will you enter into a data processing agreement that satisfies Article 28 of the GDPR?",
         "Yes", ["PRV-10", "VND-03"], ["ANS-0163"], None),
        ("P.6", "Are clients notified before a new sub-processor is engaged to process their personal data?",
         "Yes", ["PRV-10"], ["ANS-0133"], "30 days' notice (LA-05)."),
        ("P.7", "Can Scoped Data be hosted exclusively within the European Economic Area?",
         "Yes", ["PRV-11", "DAT-06"], ["ANS-0166"], "EU hosting in eu-west-1 with backups in eu-central-1 (LA-01)."),
        ("P.8", "Where personal data leaves the EEA or the UK, is an approved transfer mechanism such as the "
                "Standard Contractual Clauses in place?",
         "Yes", ["PRV-11"], ["ANS-0167"], None),
        ("P.9", "Is there a process to help clients meet data subject requests for access, rectification and "
                "erasure?",
         "Yes", ["PRV-07"], ["ANS-0168"], None),
        ("P.10", "Is personal data pseudonymised or masked wherever it is processed within the service?",
         "No", ["DAT-03"], ["ANS-0171"], "DAT-03 is planned (September 2027)."),
    ]),
    ("Retention, Disclosure and Breach", [
        ("P.11", "Is Scoped Data returned or securely deleted at the end of the contract, with written "
                 "confirmation available?",
         "Yes", ["DAT-02", "DAT-01"], ["ANS-0174"], None),
        ("P.12", "Is personal data sold to, or shared with, third parties for their own purposes?",
         "No", ["PRV-13"], ["ANS-0181"], "Phrased as a risk: 'No' is the good answer."),
        ("P.13", "Will Globex be informed without undue delay of a personal data breach affecting its data?",
         "Yes", ["PRV-12", "INC-05"], ["ANS-0138", "ANS-0139"], None),
    ]),
]

INITECH = [
    ("Governance", "Is your information security management system certified to ISO/IEC 27001, and is the "
                   "certificate currently valid?",
     "Yes", ["CMP-05", "GOV-01"], ["ANS-0004"], None),
    ("Governance", "Does an independent auditor issue an annual SOC 2 Type II (or ISAE 3402) report on your "
                   "controls?",
     "Yes", ["CMP-05"], ["ANS-0005", "ANS-0006"], None),
    ("Governance", "Is a named executive accountable for information security, with a security function that "
                   "reports regularly to senior management?",
     "Yes", ["GOV-05", "GOV-03"], ["ANS-0003"], None),
    ("Governance", "Are your security policies reviewed and re-approved at least once a year?",
     "Yes", ["GOV-02", "GOV-09"], ["ANS-0001", "ANS-0012"],
     "Policies are reviewed each February; only the document control procedure is overdue (GOV-09 note)."),
    ("Risk", "Has a fraud risk assessment been performed within the last 12 months?",
     "Yes", ["RSK-05"], ["ANS-0021"], None),
    ("Risk", "Are security risks reassessed before major changes such as new data stores or new "
             "sub-processors?",
     "Yes", ["RSK-06"], ["ANS-0022"], None),
    ("HR", "Are employees bound by confidentiality obligations that continue after their employment ends?",
     "Yes", ["HR-08", "HR-02"], ["ANS-0027"], None),
    ("HR", "Is there a sanctions process for staff who breach security rules?",
     "Yes", ["HR-06"], ["ANS-0033"], None),
    ("Asset management", "Are classification labels applied automatically to documents and e-mails?",
     "No", ["AST-04"], ["ANS-0040"],
     "AST-04 is partial: the scheme exists but labelling is manual and not enforced."),
    ("Access control", "Are joiner, mover and leaver changes in the HR system applied automatically to user "
                       "accounts?",
     "Yes", ["IAM-02", "IAM-06"], ["ANS-0064"], None),
    ("Access control", "Is remote access to internal systems possible only from company-managed devices "
                       "with multi-factor authentication?",
     "Yes", ["NET-05", "IAM-03", "AST-08"], ["ANS-0048", "ANS-0046", "ANS-0037"],
     "No VPN: Okta SSO with MFA and device trust. ANS-0046 answers the inverse (BYOD permitted?) with 'No'."),
    ("Access control", "Is administrator access to production limited to named engineers, with approval and "
                       "session logging?",
     "Yes", ["IAM-08"], ["ANS-0058"],
     "IAM-08 is partial only for just-in-time elevation; restriction, approval and logging are in place."),
    ("Cryptography", "Describe the encryption algorithms and key management used to protect Initech data at "
                     "rest and in transit.",
     "review", ["CRY-01", "CRY-02", "CRY-03"], ["ANS-0067", "ANS-0068", "ANS-0070"],
     "Free text: expected a description (AES-256 with AWS KMS, TLS 1.2/1.3), not a choice."),
    ("Cryptography", "Are TLS versions below 1.2 disabled on all externally reachable endpoints?",
     "Yes", ["CRY-03"], ["ANS-0068"], None),
    ("Cryptography", "Are encryption keys held in a hardware security module or an HSM-backed cloud key "
                     "service?",
     "Yes", ["CRY-01"], ["ANS-0070"], None),
    ("Physical security", "Will Initech data be processed or stored on servers located in your own "
                          "premises?",
     "No", ["PHY-04", "VND-06"], ["ANS-0074"],
     "Phrased as a risk: 'No' is the good answer. Hosted only in AWS; no servers on premises."),
    ("Physical security", "Is a clear desk and locked-screen rule enforced for all staff?",
     "Yes", ["PHY-06"], ["ANS-0079"], None),
    ("Operations", "Are restores from backup tested at least quarterly?",
     "Yes", ["OPS-04"], ["ANS-0085"], None),
    ("Operations", "Is system capacity monitored, with automatic scaling or alerts before limits are "
                   "reached?",
     "Yes", ["OPS-03"], ["ANS-0084"], None),
    ("Logging & monitoring", "Are logs of administrator and user activity kept for at least 12 months in a "
                             "form that cannot be altered?",
     "Yes", ["LOG-01", "LOG-02"], ["ANS-0090"], None),
    ("Logging & monitoring", "Are the clocks of all systems synchronised with a common, authoritative time "
                             "source?",
     "Yes", ["LOG-04"], ["ANS-0094"], None),
    ("Vulnerability management", "Are critical security patches installed within 14 days?",
     "Yes", ["VUL-02", "VUL-01"], ["ANS-0097", "ANS-0098"],
     "Critical SLA is 14 days; EV-077 currently fails (one critical finding open 19 days)."),
    ("Vulnerability management", "Has an external penetration test of the service been carried out in the "
                                 "last 12 months, with all high-risk findings remediated?",
     "Yes", ["VUL-03"], ["ANS-0099", "ANS-0100"], "April 2026; no critical or high findings."),
    ("Network", "Is the service protected against distributed denial-of-service attacks?",
     "Yes", ["NET-03"], ["ANS-0109"], None),
    ("Network", "Are production, staging and development environments separated into distinct networks or "
                "accounts?",
     "Yes", ["NET-02", "SDL-07"], ["ANS-0108"], None),
    ("Development", "Is source code scanned automatically for security flaws (SAST) before each release?",
     "Yes", ["SDL-05", "SDL-04"], ["ANS-0117", "ANS-0118"],
     "SDL-05 is partial for DAST only; CodeQL SAST runs on every pull request."),
    ("Development", "Is any part of your software development carried out by external contractors or "
                    "offshore partners?",
     "No", ["SDL-06"], ["ANS-0121"], "SDL-06 is not applicable: all development is in-house."),
    ("Change management", "Are changes to production deployed only through an automated pipeline after peer "
                          "review?",
     "Yes", ["CHG-01", "GOV-06"], ["ANS-0129", "ANS-0126"], None),
    ("Supplier management", "Describe how you assess and monitor the security of your own critical "
                            "suppliers; include your cloud hosting provider.",
     "review", ["VND-02", "VND-04", "VND-06"], ["ANS-0130", "ANS-0131", "ANS-0134"],
     "Free text: expected a description, not a choice."),
    ("Supplier management", "Is an up-to-date SBOM listing the components of the service available to "
                            "Initech on request?",
     "No", ["VND-05", "SDL-08"], ["ANS-0123"], "VND-05 is planned (May 2027)."),
    ("Incident management", "Do you have a contract with an external incident response or forensics "
                            "provider?",
     "No", ["INC-06", "INC-01"], ["ANS-0145"], "Retainer planned with INC-06 (early 2027)."),
    ("Incident management", "Has the incident response plan been exercised, for example in a tabletop, "
                            "within the last 12 months?",
     "Yes", ["INC-01"], ["ANS-0137"], "Ransomware tabletop in May 2026."),
    ("Business continuity", "Describe your recovery time objective (RTO) and recovery point objective (RPO) "
                            "for the service, and how they were last tested.",
     "review", ["BCM-03", "BCM-04"], ["ANS-0149", "ANS-0152"],
     "Free text: RTO 24 h, RPO 1 h; EU test June 2026, US test overdue."),
    ("Business continuity", "Is a business impact analysis in place that sets recovery priorities?",
     "Yes", ["BCM-02"], ["ANS-0153"], None),
    ("Data protection", "Will you process Initech personal data only on documented instructions, under a "
                        "data processing agreement meeting Art. 28 GDPR?",
     "Yes", ["PRV-10", "PRV-01"], ["ANS-0163"], None),
    ("Data protection", "Are retention periods defined for Initech data, and is the data deleted once they "
                        "expire?",
     "Yes", ["DAT-01", "DAT-02"], ["ANS-0175", "ANS-0174"], None),
]

# (area, [(question, criticality, expected answer, controls, library answers, note)]); ids CR-nn.
CONTOSO = [
    ("Governance & Compliance", [
        ("Please confirm that your organisation holds an in-date ISO/IEC 27001 certificate covering the "
         "service offered to Contoso.", "High",
         "Yes", ["CMP-05", "GOV-01"], ["ANS-0004"], None),
        ("Is an independent internal audit of your security management system carried out every year?",
         "Medium", "Yes", ["CMP-04"], ["ANS-0015"], None),
        ("Do you keep a register of the laws, regulations and contract terms that govern your security and "
         "privacy obligations?", "Low",
         "Yes", ["CMP-01"], ["ANS-0155"], None),
        ("Is your cardholder data environment assessed every year against PCI DSS?", "Medium",
         "N/A", ["CMP-01"], ["ANS-0156", "ANS-0157"],
         "Not applicable: no cardholder data enters Larkspur systems (payments via a PCI DSS Level 1 "
         "provider's hosted page)."),
    ]),
    ("People", [
        ("Are new starters vetted (identity, right to work, references) before they are given system "
         "access?", "High",
         "Yes", ["HR-01"], ["ANS-0025", "ANS-0026"], None),
        ("Do staff acknowledge a code of conduct when they join?", "Low",
         "Yes", ["HR-03"], ["ANS-0034"], None),
        ("Must home and remote workers follow a documented remote working policy?", "Medium",
         "Yes", ["HR-09"], ["ANS-0037"], None),
        ("Is secure coding training repeated every year for everyone who writes code?", "Medium",
         "Yes", ["HR-05", "SDL-04"], ["ANS-0031"], "The engineer part of HR-05 is complete."),
    ]),
    ("Assets & Endpoints", [
        ("Can employees install unapproved software on company laptops?", "High",
         "No", ["OPS-05", "AST-08"], ["ANS-0087", "ANS-0088"], "Phrased as a risk: 'No' is the good answer."),
        ("Are end-of-life devices disposed of through a certified vendor that issues certificates of "
         "destruction?", "Medium",
         "Yes", ["AST-07"], ["ANS-0043"], None),
        ("Is a data inventory kept showing which systems hold Contoso data and how it flows between "
         "them?", "Medium",
         "Yes", ["AST-05"], ["ANS-0041"], None),
    ]),
    ("Identity & Access", [
        ("Are any shared or generic administrator accounts in use?", "High",
         "No", ["IAM-02", "IAM-08"], ["ANS-0060"],
         "Phrased as a risk: 'No' is the good answer. AWS root accounts exist but are hardware-MFA "
         "break-glass accounts without keys (ANS-0050)."),
        ("Is phishing-resistant MFA (for example FIDO2/WebAuthn) enforced when staff sign in?", "High",
         "Yes", ["IAM-03"], ["ANS-0047"], None),
        ("Are leavers' accounts disabled on or before their last working day?", "High",
         "Yes", ["IAM-06", "HR-07"], ["ANS-0036", "ANS-0035"], None),
        ("Is privileged access to production granted just in time, with automatic expiry?", "High",
         "Partially", ["IAM-08"], ["ANS-0059"],
         "IAM-08 is partial: live in us-east-1, standing admin roles remain in eu-west-1 until January 2027."),
        ("Do system owners recertify who has access to systems holding Contoso data at least every three "
         "months?", "Medium",
         "Yes", ["IAM-07"], ["ANS-0056", "ANS-0057"], None),
    ]),
    ("Data Protection & Encryption", [
        ("Is Contoso data encrypted at rest with AES-256 or stronger?", "High",
         "Yes", ["CRY-02"], ["ANS-0066", "ANS-0067"], None),
        ("Can Contoso supply, and revoke, its own encryption key for its data?", "Medium",
         "Yes", ["CRY-01", "CRY-02"], ["ANS-0071"], "Enterprise plan (LA-04)."),
        ("Is a data loss prevention (DLP) solution deployed to detect and block sensitive data leaving your "
         "organisation?", "Medium",
         "No", ["DAT-04"], ["ANS-0172", "ANS-0173"], "DAT-04 is planned (mid-2027)."),
        ("Is production customer data ever used in test or development environments?", "High",
         "No", ["SDL-07"], ["ANS-0119"], "Phrased as a risk: 'No' is the good answer."),
        ("Is Contoso data logically separated from other customers' data, and is that separation tested?",
         "High", "Yes", ["DAT-06"], ["ANS-0176"], None),
        ("Is data exchanged with Contoso only over encrypted channels, never as plain e-mail attachments?",
         "Medium", "Yes", ["DAT-05", "CRY-03"], ["ANS-0178"], None),
    ]),
    ("Hosting & Physical Security", [
        ("Are your on-premise data centres protected by round-the-clock guarding, CCTV and biometric entry "
         "controls?", "Medium",
         "N/A", ["PHY-03", "PHY-04"], ["ANS-0074", "ANS-0077", "ANS-0078"],
         "Not applicable: no data centre or server room; production is in AWS (physical controls via "
         "the AWS SOC 2 report, VND-06)."),
        ("Do you review your cloud hosting provider's independent assurance reports every year?", "Medium",
         "Yes", ["VND-06", "VND-04"], ["ANS-0134", "ANS-0131"], None),
        ("Are visitors to your offices logged and accompanied at all times?", "Low",
         "Yes", ["PHY-02"], ["ANS-0076"], None),
    ]),
    ("Network Security", [
        ("Is inbound traffic limited to the ports the service needs, with a web application firewall in "
         "front of public endpoints?", "High",
         "Yes", ["NET-01", "NET-03"], ["ANS-0107", "ANS-0109"], None),
        ("Is administrative access to servers made only through a secured channel that requires MFA?",
         "High", "Yes", ["NET-05", "IAM-08"], ["ANS-0048"], "AWS Systems Manager Session Manager via Okta MFA."),
    ]),
    ("Operations & Monitoring", [
        ("Are security-relevant logs sent to a SIEM with alerting rules?", "High",
         "Yes", ["LOG-03", "LOG-01"], ["ANS-0093", "ANS-0092"], None),
        ("Are infrastructure configurations checked automatically against a benchmark such as CIS?",
         "Medium", "Yes", ["OPS-02"], ["ANS-0082"], None),
        ("Are runbooks documented for routine operational and recovery tasks?", "Low",
         "Yes", ["OPS-01"], ["ANS-0081"], None),
    ]),
    ("Vulnerability Management", [
        ("Do you run a public bug bounty programme that rewards researchers for reporting vulnerabilities?",
         "Low", "No", ["VUL-05"], ["ANS-0102"], "No bug bounty, and none is planned."),
        ("Are container images and software dependencies scanned for known vulnerabilities before "
         "deployment?", "High",
         "Yes", ["SDL-08", "VUL-01"], ["ANS-0120", "ANS-0118"], None),
        ("Is content that customers upload (for example CSV imports) checked for viruses before it is "
         "processed?", "Medium",
         "Yes", ["VUL-04", "PI-02"], ["ANS-0106"], "EV-139 is not yet tested (added 2026-11-27)."),
    ]),
    ("Development & Change", [
        ("Are threat models produced for significant new features?", "Medium",
         "Yes", ["SDL-03", "SDL-02"], ["ANS-0115"], None),
        ("Can every production deployment be traced to an approved pull request or change record?",
         "High", "Yes", ["CHG-01"], ["ANS-0126", "ANS-0116"], None),
    ]),
    ("Incidents & Continuity", [
        ("Has your organisation experienced a data breach in the past 24 months?", "High",
         "No", ["INC-07", "PRV-12"], ["ANS-0140"],
         "Phrased as a risk: 'No' is the good answer. No notifiable incident; a leaked internal token in "
         "August 2026 exposed no customer data."),
        ("Will you notify Contoso of an incident affecting its data within 48 hours of confirming it?",
         "High", "Yes", ["INC-05", "PRV-12"], ["ANS-0138", "ANS-0139"], None),
        ("Are incident response playbooks in place for ransomware and credential compromise?", "Medium",
         "Yes", ["INC-04"], ["ANS-0147"], None),
        ("Is there a documented disaster recovery plan with defined RTO and RPO?", "High",
         "Yes", ["BCM-03"], ["ANS-0149"], None),
        ("Have continuity and recovery arrangements been tested for all production regions in the last 12 "
         "months?", "High",
         "Partially", ["BCM-04"], ["ANS-0152"],
         "BCM-04 is partial: EU region tested June 2026; US region last tested September 2025."),
    ]),
    ("Third Parties & Privacy", [
        ("Do contracts with your sub-processors require security obligations equivalent to your own?",
         "Medium", "Yes", ["VND-03", "PRV-10"], ["ANS-0132", "ANS-0163"],
         "Direct sub-processors only; flow-down to their suppliers is not done (VND-05, ANS-0136)."),
        ("Is there a named privacy contact (DPO) Contoso can reach on GDPR matters?", "Low",
         "Yes", ["PRV-02"], ["ANS-0164"], None),
        ("Will you carry out erasure requests from data subjects that Contoso passes to you?", "Medium",
         "Yes", ["PRV-07"], ["ANS-0168"], None),
    ]),
]


def globex_rows(sections):
    """Yields ("section", title) and ("question", item) in sheet order."""
    for title, items in sections:
        yield ("section", title)
        for item in items:
            yield ("question", item)


def write_globex(path, key):
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"title": "Globex Corporation Third-Party Risk Assessment (Lite)",
                             "author": "Globex Third-Party Risk Management", "company": "Globex Corporation",
                             "created": CREATED})
    title = workbook.add_format({"bold": True, "font_size": 14, "font_color": "#1F3864"})
    label = workbook.add_format({"bold": True, "align": "right"})
    field = workbook.add_format({"bottom": 1, "bg_color": "#FFF2CC", "locked": False})
    date_field = workbook.add_format({"bottom": 1, "bg_color": "#FFF2CC", "locked": False,
                                      "num_format": "dd-mmm-yyyy"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    header = workbook.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF",
                                  "border": 1, "text_wrap": True, "valign": "vcenter"})
    section_format = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    number = workbook.add_format({"valign": "top", "border": 1})
    question_format = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
    response = workbook.add_format({"bg_color": "#FFF2CC", "border": 1, "locked": False, "valign": "top"})
    info = workbook.add_format({"bg_color": "#FFF2CC", "border": 1, "locked": False, "text_wrap": True,
                                "valign": "top"})

    cover = workbook.add_worksheet("Cover")
    cover.set_column("A:A", 4)
    cover.set_column("B:B", 34)
    cover.set_column("C:C", 50)
    cover.write("B2", "Globex Corporation", title)
    cover.write("B3", "Third-Party Risk Assessment (Lite) - Vendor Questionnaire")
    cover.write("B4", "Classification: Globex Confidential when completed")
    fields = ["Company Name", "Legal Entity / Registration No.", "Headquarters Address",
              "Primary Contact Name", "Primary Contact Title", "Primary Contact Email",
              "Products / Services Provided to Globex", "Scoped Data Handled", "Date Completed"]
    for offset, name in enumerate(fields):
        row = 6 + offset
        cover.write(row, 1, name + ":", label)
        if name == "Date Completed":
            cover.write_blank(row, 2, None, date_field)
        else:
            cover.write_blank(row, 2, None, field)
    cover.write(17, 1, "Globex Assessment ID:", label)
    cover.write(17, 2, "TPRM-2026-0481")
    cover.write(18, 1, "Globex Relationship Owner:", label)
    cover.write(18, 2, "Digital Analytics, Marketing Technology")

    instructions = workbook.add_worksheet("Instructions")
    instructions.set_column("A:A", 4)
    instructions.set_column("B:B", 110)
    instructions.write("B2", "Instructions", title)
    steps = [
        "1. Complete the Cover tab with your company details before answering the question tabs.",
        "2. Answer every question on the Security and Privacy tabs by choosing Yes, No or N/A from the "
        "drop-down list in the Response column.",
        "3. Use the Additional Information column to explain any No or N/A response, or to qualify a Yes. "
        "Responses of N/A without an explanation will be returned for clarification.",
        "4. \"Scoped Data\" means any Globex data, including personal data of Globex customers and "
        "employees, that you store, process or transmit in delivering the services.",
        "5. Do not insert, delete or reorder rows or columns; responses are imported automatically.",
        "6. Attach supporting documents (policies, SOC 2 report, penetration test summary) when you return "
        "the questionnaire to tprm@globex.example.",
    ]
    for offset, step in enumerate(steps):
        instructions.write(3 + offset, 1, step, wrap)

    lists = workbook.add_worksheet("Lists")
    lists.write_column("A1", ["Response", "Yes", "No", "N/A"])

    for sheet_name, sections, heading in (("Security", GLOBEX_SECURITY, "Information Security"),
                                          ("Privacy", GLOBEX_PRIVACY, "Privacy and Data Protection")):
        sheet = workbook.add_worksheet(sheet_name)
        sheet.set_column("A:A", 10)
        sheet.set_column("B:B", 80)
        sheet.set_column("C:C", 12)
        sheet.set_column("D:D", 55)
        sheet.write("A1", f"Globex Corporation - Third-Party Risk Assessment (Lite): {heading}", title)
        sheet.write("A2", "Vendor Name:")
        sheet.write_formula("B2", "=IF(Cover!C7=\"\",\"\",Cover!C7)", None, "")
        sheet.write("A3", "Select a Response for every question; explain No and N/A responses.")
        sheet.write_row("A5", ["Ques Num", "Question/Request", "Response", "Additional Information"], header)
        sheet.set_row(4, 30)
        sheet.freeze_panes(5, 0)
        row = 5
        for kind, item in globex_rows(sections):
            if kind == "section":
                sheet.merge_range(row, 0, row, 3, item, section_format)
            else:
                ident, question, answer, controls, library, note = item
                sheet.write_string(row, 0, ident, number)
                sheet.write_string(row, 1, question, question_format)
                sheet.write_blank(row, 2, None, response)
                sheet.write_blank(row, 3, None, info)
                key.append(dict(file="samples/" + path.name, sheet=sheet_name, row=row + 1, id=ident,
                                question=question, answer=answer, controls=controls, library=library,
                                note=note))
            row += 1
        sheet.data_validation(5, 2, row - 1, 2, {
            "validate": "list", "source": "=Lists!$A$2:$A$4",
            "error_title": "Invalid response", "error_message": "Choose Yes, No or N/A."})
    lists.hide()
    cover.activate()
    workbook.close()


def write_initech(path, key):
    width = 5
    rows = [
        ["Initech Bank SA – Questionnaire sécurité fournisseurs / Supplier Security Questionnaire", "", "",
         "", ""],
        ["Fournisseur / Supplier:", "", "Valeur annuelle du contrat / Annual contract value: 185.000 €",
         "Date d’envoi: 14.10.2026", "Réf.: TPR-2026-092"],
        ["#", "Domain", "Question", "Answer (Yes/No/N/A)", "Comment"],
    ]
    for number, (domain, question, answer, controls, library, note) in enumerate(INITECH, start=1):
        rows.append([str(number), domain, question, "", ""])
        key.append(dict(file="samples/" + path.name, sheet=None, row=len(rows), id=str(number),
                        question=question, answer=answer, controls=controls, library=library, note=note))
    rows.append([""] * width)
    rows.append(["", "Remarque", "Merci de répondre en anglais. Les pièces justificatives (politique de "
                 "sécurité, rapport SOC 2, résumé du test d’intrusion) sont à envoyer séparément à "
                 "tprm@initech.example; questions: équipe Sécurité des tiers.", "", ""])
    assert all(len(row) == width for row in rows)
    with open(path, "w", newline="", encoding="cp1252") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerows(rows)


def write_contoso(path, key):
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"title": "Cloud Service Provider Security Review", "author": "Contoso IT Risk",
                             "company": "Contoso Ltd", "created": CREATED})
    title = workbook.add_format({"bold": True, "font_size": 16, "font_color": "#FFFFFF",
                                 "bg_color": "#0B5394", "valign": "vcenter"})
    label = workbook.add_format({"bold": True})
    fill = workbook.add_format({"bg_color": "#FFF2CC", "bottom": 1})
    note_format = workbook.add_format({"italic": True, "text_wrap": True, "valign": "top",
                                       "font_color": "#595959"})
    header = workbook.add_format({"bold": True, "bg_color": "#0B5394", "font_color": "#FFFFFF",
                                  "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"})
    ident_format = workbook.add_format({"border": 1, "valign": "top", "bold": True})
    area_format = workbook.add_format({"border": 1, "valign": "vcenter", "align": "center", "bold": True,
                                       "text_wrap": True, "bg_color": "#CFE2F3", "rotation": 0})
    question_format = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    criticality = workbook.add_format({"border": 1, "valign": "top", "align": "center",
                                       "font_color": "#595959"})
    entry = workbook.add_format({"border": 1, "bg_color": "#FFF2CC", "valign": "top", "text_wrap": True,
                                 "locked": False})

    sheet = workbook.add_worksheet("CSP Review")
    sheet.set_column("A:A", 8)
    sheet.set_column("B:B", 18)
    sheet.set_column("C:C", 64)
    sheet.set_column("D:D", 11)
    sheet.set_column("E:E", 18)
    sheet.set_column("F:F", 15)
    sheet.set_column("G:G", 45)
    sheet.set_column("H:H", 32)
    sheet.merge_range("A1:H1", "Contoso Ltd  |  Cloud Service Provider Security Review", title)
    sheet.set_row(0, 28)
    sheet.write("A2", "Supplier:", label)
    sheet.merge_range("B2:C2", "", fill)
    sheet.write("E2", "Review ref:", label)
    sheet.write("F2", "CR-2026-117")
    sheet.write("A3", "Service:", label)
    sheet.merge_range("B3:C3", "", fill)
    sheet.write("E3", "Return by:", label)
    sheet.write_datetime("F3", datetime.datetime(2027, 1, 15), workbook.add_format({"num_format": "dd/mm/yyyy"}))
    sheet.merge_range("A4:H4", "For each question select a Response in column F, name the person in your "
                      "organisation who owns the answer, add comments, and link the supporting evidence "
                      "(trust centre page, policy or report). Criticality is set by Contoso.", note_format)
    sheet.set_row(3, 32)
    headers = ["Ref", "Area", "Question", "Criticality", "Supplier owner", "Response", "Supplier comments",
               "Evidence (link)"]
    sheet.write_row("A6", headers, header)
    sheet.set_row(5, 30)
    sheet.freeze_panes(6, 3)

    row = 6
    number = 0
    for area, items in CONTOSO:
        first = row
        for question, crit, answer, controls, library, note in items:
            number += 1
            ident = f"CR-{number:02d}"
            sheet.write_string(row, 0, ident, ident_format)
            sheet.write_string(row, 2, question, question_format)
            sheet.write_string(row, 3, crit, criticality)
            for column in (4, 5, 6, 7):
                sheet.write_blank(row, column, None, entry)
            key.append(dict(file="samples/" + path.name, sheet="CSP Review", row=row + 1, id=ident,
                            question=question, answer=answer, controls=controls, library=library, note=note))
            row += 1
        if row - first > 1:
            sheet.merge_range(first, 1, row - 1, 1, area, area_format)
        else:
            sheet.write(first, 1, area, area_format)
    sheet.data_validation(6, 5, row - 1, 5, {
        "validate": "list", "source": ["Yes", "No", "Partially", "Not Applicable"],
        "input_title": "Response", "input_message": "Yes, No, Partially or Not Applicable"})
    sheet.autofilter(5, 0, row - 1, 7)
    sheet.write(row + 1, 0, "Contoso use only", label)
    sheet.write(row + 2, 0, "Reviewed by:")
    sheet.write(row + 3, 0, "Outcome:")
    workbook.close()


def yaml_scalar(value):
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def write_key(path, key):
    counts = {}
    for item in key:
        counts.setdefault(item["file"], []).append(item)
    lines = [
        "# Answer key for the sample questionnaires written by samples/make_questionnaires.py.",
        "# FICTITIOUS: Larkspur Analytics and its customers are invented (see samples/library/README.md).",
        "#",
        "# One entry per question: where it is (file, sheet (null for CSV), 1-based row), its id, the",
        "# answer a careful Larkspur analyst would give from samples/library, the controls of",
        "# Catalogs/controls.yaml it concerns, and the answers.yaml entries that support it.",
        "# answer is one of:",
        "#   Yes | No | N/A | Partially   a definite answer backed by implementation.yaml and answers.yaml",
        "#   review                       the library does not support a definite choice: a partial",
        "#                                control asked in a questionnaire that offers no \"Partially\",",
        "#                                or a free-text (\"Describe ...\") question",
        "# Contoso's drop-down spells N/A as \"Not Applicable\"; Initech's header offers Yes/No/N/A",
        "# although three of its questions want free text.",
        "# Risk-phrased questions (\"Is production data ever used in test?\") are marked",
        "# risk_phrased: true; for them \"No\" is the good answer.",
        "# Generated: edit make_questionnaires.py, not this file.",
        "format: quire-samples-key/1",
        "files:",
    ]
    for name, items in counts.items():
        tally = {}
        for item in items:
            tally[item["answer"]] = tally.get(item["answer"], 0) + 1
        summary = ", ".join(f"{yaml_scalar(answer)}: {n}" for answer, n in sorted(tally.items()))
        lines.append(f"  - file: {yaml_scalar(name)}")
        lines.append(f"    questions: {len(items)}")
        lines.append(f"    answers: {{{summary}}}")
    lines.append("questions:")
    for item in key:
        lines.append(f"  - file: {yaml_scalar(item['file'])}")
        lines.append(f"    sheet: {yaml_scalar(item['sheet'])}")
        lines.append(f"    row: {item['row']}")
        lines.append(f"    id: {yaml_scalar(item['id'])}")
        lines.append(f"    question: {yaml_scalar(item['question'])}")
        lines.append(f"    answer: {yaml_scalar(item['answer'])}")
        lines.append(f"    controls: [{', '.join(item['controls'])}]")
        lines.append(f"    library: [{', '.join(item['library'])}]")
        if item.get("note") and "Phrased as a risk" in item["note"]:
            lines.append("    risk_phrased: true")
        if item["answer"] == "review" and item["question"].startswith("Describe"):
            lines.append("    free_text: true")
        if item.get("note"):
            lines.append(f"    note: {yaml_scalar(item['note'])}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    key = []
    write_globex(HERE / "globex-vendor-assessment.xlsx", key)
    write_initech(HERE / "initech-security-questionnaire.csv", key)
    write_contoso(HERE / "contoso-cloud-review.xlsx", key)
    write_key(HERE / "questionnaires-key.yaml", key)
