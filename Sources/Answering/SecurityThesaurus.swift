// swift-format-ignore-file
// A data table: one synonym group per line reads better than the formatter's wrapping.

import Foundation

/// Words and phrases security questionnaires use for the same thing, one group per concept.
///
/// `TextAnalyzer` folds every entry of a group to the group's first entry. Phrases are compared
/// token by token before stemming and stop-word removal (hyphens, slashes and dots split tokens,
/// so "multi-factor" and "multi factor" are the same phrase); single words are compared by stem.
/// Because phrases are not stemmed, common plural forms of phrases are listed explicitly.
enum SecurityThesaurus {
    /// The synonym groups, one concept each.
    ///
    /// Each group: the first entry is the canonical term; the others are synonyms, abbreviations and
    /// spelling variants. Entries are lower-case; multi-word phrases are allowed ("multi factor authentication").
    /// A word or phrase belongs to one group only.
    static let groups: [[String]] = parseGroups(groupTable)

    /// Groups written one a line, entries between " | ", headings after "#".
    static func parseGroups(_ table: String) -> [[String]] {
        table.split(separator: "\n").compactMap { line in
            let entries = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = entries.first, !first.isEmpty, !first.hasPrefix("#") else { return nil }
            return entries
        }
    }

    /// ``groups`` as text, one group a line, its entries between " | ", headings after "#": as a
    /// literal of 2,800 strings in 320 arrays, it took the optimiser 18 s, a third of this module's
    /// release build (which the build waits for at its end); this string takes none.
    private static let groupTable = """
        # Identity and access
        multi-factor authentication | mfa | multi factor authentication | multifactor authentication | multi-factor | multi factor | multifactor | 2fa | two-factor authentication | two factor authentication | two-factor | two factor | two-step verification | two step verification | two-step authentication | 2-step verification | 2sv | second factor | strong authentication | step-up authentication
        single sign-on | sso | single sign on | single signon | saml | saml 2.0 | saml2 | oidc | openid connect | openid | federated login | federated authentication | federated identity | identity federation | federation
        least privilege | principle of least privilege | polp | need to know | need-to-know basis | minimum necessary | minimal privilege | minimum privilege | least privileged access
        role-based access control | rbac | role based access control | role-based access | role based access | role-based permissions | role based permissions | access roles | user roles
        privileged access | admin access | administrative access | administrator access | privileged account | privileged accounts | privileged user | privileged users | admin rights | administrator rights | administrative privileges | elevated privileges | elevated access | root | root access | superuser | super user | sudo | domain admin | admin accounts
        privileged access management | pam | privileged identity management | pim | password vault | credential vault | privileged session management | just-in-time access | just in time access
        access review | access reviews | access recertification | user access review | user access reviews | uar | entitlement review | entitlement reviews | access certification | periodic access review | recertification | user access recertification
        offboarding | off-boarding | termination | terminated | deprovisioning | de-provisioning | deprovision | leaver | leavers | access revocation | revocation of access | access removal | remove access | employee exit | terminated employees | resigns | resign | resignation | dismissed | dismissal | leaves the company | leaving the company | departing employee | departing employees | end of employment | former employee | former employees | former staff | ex-employee | ex-employees
        onboarding | on-boarding | joiner | joiners | provisioning | user provisioning | account provisioning | access provisioning | new hire | new hires
        mover | movers | role change | role changes | job change | internal transfer
        account management | user management | user account management | account lifecycle | identity lifecycle | account creation | joiner mover leaver | jml
        scim | system for cross-domain identity management | automated provisioning | just-in-time provisioning | jit provisioning
        password | passwords | passphrase | passphrases | pass phrase | credential | credentials | passcode | pin
        password policy | password complexity | password requirements | password length | password rotation | password expiration | password expiry | password strength | password history
        password manager | password managers | password management tool | 1password | lastpass | bitwarden | keepass
        account lockout | lockout | account lock-out | failed login attempts | failed logon attempts | unsuccessful login attempts | brute force protection | brute-force protection | login throttling
        session management | session timeout | session timeouts | idle timeout | inactivity timeout | automatic logoff | automatic logout | auto logout | session expiration | session termination
        identity and access management | iam | identity management | access management | identity governance | identity governance and administration | iga
        identity provider | idp | okta | azure ad | azure active directory | entra id | microsoft entra | onelogin | ping identity | google workspace
        directory service | directory services | active directory | ldap | ldaps
        unique user id | unique user ids | unique id | unique ids | unique identifier | unique user identifier | individual accounts | named accounts | unique accounts | individual user accounts
        shared account | shared accounts | generic account | generic accounts | group account | group accounts | shared login | shared logins
        service account | service accounts | system account | system accounts | non-human account | non-human accounts | machine identity | machine identities | machine account
        dormant accounts | inactive accounts | stale accounts | orphaned accounts | unused accounts | dormant account | inactive account
        guest access | guest accounts | anonymous access | anonymous accounts | guest account | unauthenticated access
        emergency access | break glass | break-glass account | breakglass | emergency account | emergency accounts | firecall
        access control | access controls | authorization | authorisation | authorize | authorise | authorized | authorised | permissions | entitlements | access rights | access privileges
        authentication | authenticate | authenticated | login | logins | logon | log-on | log-in | sign-in | user authentication
        remote access | remote working | remote work | remote workers | teleworking | telework | work from home | wfh
        api key | api keys | api token | api tokens | access token | access tokens | bearer token | bearer tokens | personal access token | personal access tokens
        oauth | oauth 2.0 | oauth2 | authorization code flow | client credentials flow
        biometric | biometrics | fingerprint | face id | facial recognition | touch id
        hardware token | hardware tokens | security key | security keys | fido2 | fido | yubikey | webauthn | passkey | passkeys | u2f | phishing-resistant mfa | phishing resistant authentication
        one-time password | otp | one time password | one-time passwords | totp | hotp | authenticator app | sms code | soft token
        segregation of duties | separation of duties | sod | dual control | four-eyes principle | four eyes principle | maker-checker | two-person rule | two person rule | also be the one who | the same person

        # Cryptography
        encryption at rest | data at rest | at-rest encryption | stored data encryption | encrypted at rest | encrypt data at rest | disk encryption | full disk encryption | full-disk encryption | fde | database encryption | storage encryption | volume encryption | transparent data encryption | tde | bitlocker | filevault | encryption of stored data
        encryption in transit | data in transit | in transit | in-transit encryption | transport encryption | tls | ssl | https | transport layer security | secure sockets layer | tls 1.2 | tls 1.3 | encrypted in transit | data in motion | secure transmission | encrypted connections | encrypted channel
        encryption | encrypt | encrypted | encrypting | cryptography | cryptographic | cipher | ciphers | crypto
        key management | kms | hsm | hsms | hardware security module | hardware security modules | key management service | key management system | key vault | encryption keys | cryptographic keys | key storage | key custody
        key rotation | rotate keys | rotating keys | key rollover | key lifecycle | key renewal
        customer-managed keys | cmk | customer managed keys | customer-managed key | bring your own key | byok | hold your own key | hyok | customer-managed encryption keys | cmek
        aes-256 | aes 256 | aes256 | aes | advanced encryption standard | 256-bit encryption | 256 bit aes | aes-gcm
        encryption algorithms | cryptographic algorithms | cipher suites | cipher suite | approved algorithms | strong cryptography | industry-standard encryption | industry standard encryption
        weak protocols | deprecated protocols | insecure protocols | tls 1.0 | tls 1.1 | sslv3 | ssl 3.0 | sslv2 | telnet | ftp | weak ciphers
        hashing | hash | hashed | hashes | salted hash | salted hashes | bcrypt | scrypt | argon2 | pbkdf2 | sha-256 | sha256 | sha-2
        digital certificate | digital certificates | pki | public key infrastructure | x.509 | ssl certificate | ssl certificates | tls certificate | tls certificates | certificate authority | certificate management
        fips 140-2 | fips 140-3 | fips 140 | fips validated | fips-validated cryptography | fips
        end-to-end encryption | e2ee | e2e encryption | end to end encrypted
        email encryption | s/mime | smime | pgp | gpg | encrypted email | starttls | tls for email
        secure file transfer | sftp | ftps | managed file transfer | mft | secure ftp
        tokenization | tokenisation | tokenized | tokenised | data masking | masking | masked | dynamic data masking | format-preserving encryption
        pseudonymization | pseudonymisation | pseudonymized | pseudonymised | pseudonymous data
        anonymization | anonymisation | anonymized | anonymised | de-identification | deidentification | de-identified | deidentified | aggregated data

        # Security testing and vulnerabilities
        penetration test | penetration tests | pen test | pen tests | pentest | pentests | penetration testing | pen testing | pentesting | ethical hacking | red team | red teaming | red team exercise | offensive security testing | external penetration test | break into | attempted to break | simulated attack | simulated attacks | attack simulation | ethical hack | intrusion test
        penetration test report | pen test report | pentest report | penetration test results | pen test results | pentest results | letter of attestation | attestation letter
        vulnerability scan | vulnerability scans | vulnerability scanning | vuln scan | vuln scans | vuln scanning | vulnerability assessment | vulnerability assessments | vulnerability scanner | network scan | network scanning | infrastructure scan | authenticated scan | authenticated scans
        dynamic application security testing | dast | dynamic analysis | dynamic testing | web application scanning | web app scanning
        static application security testing | sast | static analysis | static code analysis | code scanning | source code scanning | source code analysis | static code scanning
        software composition analysis | sca | dependency scanning | open source scanning | dependency check | library scanning | third-party library scanning
        application security | appsec | application security testing | security testing | iast | interactive application security testing | application security program
        vulnerability management | vulnerability remediation | vulnerability handling | remediation sla | remediation slas | remediation timelines | remediation timeframes | cvss | vulnerability management program
        vulnerability | vulnerabilities | vuln | vulns | weakness | weaknesses | security flaw | security flaws | cve | cves | security bug | security bugs
        zero-day | zero day | 0-day | 0day | zero-day vulnerability | zero-day vulnerabilities | critical vulnerability | critical vulnerabilities | emergency patch | emergency patching
        bug bounty | bug bounty program | bug bounty programme | vulnerability disclosure program | vulnerability disclosure programme | vulnerability disclosure policy | vdp | responsible disclosure | coordinated disclosure | security.txt
        threat modeling | threat modelling | threat model | threat models | stride | attack surface analysis | architecture risk analysis
        fuzzing | fuzz testing | fuzz tests | fuzzer

        # Endpoint and malware
        endpoint detection and response | edr | anti-malware | antimalware | antivirus | anti-virus | av | malware protection | malware detection | virus protection | xdr | extended detection and response | endpoint protection | endpoint protection platform | epp | next-generation antivirus | ngav | endpoint security
        malware | virus | viruses | ransomware | trojan | trojans | worm | worms | spyware | malicious code | malicious software
        endpoint | endpoints | workstation | workstations | laptop | laptops | desktop | desktops | end-user device | end-user devices | employee devices | company devices | corporate devices | company-issued devices | user devices
        application allowlisting | application whitelisting | allowlisting | whitelisting | allow list | allowlist | whitelist | approved software list | software restriction | application control
        denylist | deny list | blacklist | blacklisting | blocklist | block list | denylisting
        removable media | usb | usb drives | usb devices | usb storage | external storage | removable storage | portable media | thumb drive | thumb drives | flash drive | flash drives
        screen lock | lock screen | screensaver | screen saver | automatic screen lock | screen timeout | screen locking
        local admin rights | local admin | local administrator | local administrator rights | local administrative privileges | local admin privileges
        email filtering | email security | spam filter | spam filtering | anti-spam | antispam | secure email gateway | email gateway | attachment sandboxing
        dmarc | spf | dkim | email authentication | sender policy framework | domainkeys identified mail
        web filtering | url filtering | content filtering | secure web gateway | swg | web proxy | dns filtering
        social engineering | phishing | spear phishing | spear-phishing attacks | vishing | smishing | pretexting | business email compromise | bec

        # Business continuity and resilience
        business continuity plan | bcp | business continuity | business continuity planning | business continuity management | bcm | continuity plan | continuity planning | business continuity plans | business resilience | operational resilience
        disaster recovery | dr | disaster recovery plan | disaster recovery plans | drp | disaster recovery planning | recovery plan | dr plan
        recovery time objective | rto | rtos | recovery time | recovery time objectives | how quickly the platform is restored | restored within | time to restore | recovery targets | recovery target
        recovery point objective | rpo | rpos | recovery point | recovery point objectives | maximum data loss | acceptable data loss
        backup | back-up | back up | backups | back-ups | backed up | snapshot | snapshots | data backup | data backups | backup copies | data copies | copies of data | copy of the data | copied daily | second copy | offsite copy | off-site copy | immutable copies
        backup restoration test | restore test | restore tests | restoration test | restoration testing | backup testing | restore testing | recovery test | test restore | test restores | backup restore
        offsite backup | off-site backup | offsite backups | off-site backups | immutable backups | air-gapped backups | air gapped | backup encryption | encrypted backups
        alternate site | secondary site | alternate processing site | recovery site | hot site | warm site | cold site | secondary data center | secondary data centre | secondary location
        high availability | ha | redundancy | redundant | failover | fail-over | fault tolerance | fault tolerant | resilience | resiliency | multi-region | multi-az | availability zones | availability zone | geo-redundancy | geo-redundant | geographic redundancy | region fails | another region | multiple regions | several data centres | several data centers | independent data centres | independent data centers | switch over automatically | loss of a data centre | loss of a data center | cloud region | entire region | regional outage | region outage | zone failure
        continuity test | bcp test | dr test | dr tests | disaster recovery test | disaster recovery testing | continuity testing | tabletop exercise | tabletop exercises | table-top exercise | tabletop | failover test | failover testing | dr exercise | continuity exercise | recovery tested | full recovery | failover tests | region recovery
        equipment maintenance | hardware maintenance | maintenance of equipment | authorised repairers | authorized repairers | repairers | serviced | servicing | repair | repairs
        business impact analysis | bia | business impact assessment | criticality assessment
        service level agreement | sla | slas | service level agreements | service level | service levels | uptime commitment | uptime guarantee | availability percentage | committed availability | monthly availability | uptime percentage
        availability | uptime | system availability | service availability
        capacity management | capacity planning | scalability | autoscaling | auto-scaling | performance monitoring
        uninterruptible power supply | ups | backup power | generator | generators | redundant power | power redundancy | backup generators
        pandemic | pandemic plan | pandemic planning | epidemic | pandemic response
        maintenance window | maintenance windows | scheduled maintenance | planned maintenance | planned downtime
        status page | service status | outage notification | outage notifications | outage communication

        # Monitoring and detection
        security information and event management | siem | log management | log aggregation | centralized logging | centralised logging | central logging | log correlation | log collection | splunk | sumo logic
        intrusion detection system | ids | intrusion detection | intrusion detection systems | hids | nids | host-based intrusion detection | network intrusion detection
        intrusion prevention system | ips | intrusion prevention | intrusion prevention systems
        security operations center | soc | security operations centre | security operations | secops | managed detection and response | mdr | 24x7 monitoring | 24/7 monitoring | round-the-clock monitoring | around-the-clock monitoring
        security monitoring | continuous monitoring | monitoring | alerting | alerts | security alerts | real-time monitoring | real time alerts
        file integrity monitoring | fim | integrity monitoring | change detection | tripwire
        threat intelligence | threat intel | cyber threat intelligence | cti | threat feeds | threat feed | indicators of compromise | iocs | ioc
        threat hunting | threat hunt | proactive hunting
        user behavior analytics | user behaviour analytics | uba | ueba | anomaly detection | behavioral analytics | behavioural analytics
        time synchronization | time synchronisation | ntp | clock synchronization | clock synchronisation | network time protocol | time sync
        network monitoring | traffic monitoring | netflow | flow logs | vpc flow logs | packet capture | network traffic analysis | ndr | network detection and response
        insider threat | insider threats | insider risk | malicious insider | malicious insiders

        # Logging
        audit log | audit logs | audit trail | audit trails | activity log | activity logs | event log | event logs | audit logging | security logs | security log | access logs | access log | logging
        log retention | log storage | retain logs | logs retained | log archival | log archiving
        log review | log reviews | log monitoring | log analysis | review of logs | log inspection
        log integrity | tamper-proof logs | tamper-evident logs | immutable logs | write once read many | worm storage | log tampering

        # Data protection and classification
        data loss prevention | dlp | data leakage prevention | data leakage | data leak prevention | data leaks | data exfiltration | exfiltration | data exfiltration prevention | external sharing | sharing externally | share externally | external sharing of documents
        personally identifiable information | pii | personal data | personal information | personally identifiable | personal identifiable information | personal details | personal identifiers
        special category data | special categories of personal data | special categories of data | sensitive personal data | sensitive personal information | special category
        protected health information | phi | ephi | electronic protected health information | health information | health data | medical records | medical information
        sensitive data | sensitive information | confidential data | confidential information | restricted data | classified data | classified information
        data classification | information classification | classification | labelling | labeling | data labelling | data labeling | information labelling | information labeling | classification scheme | classification policy | data categorization | data categorisation
        data retention | retention | retention period | retention periods | retention schedule | retention policy | record retention | records retention | records management
        data disposal | disposal | deletion | destruction | data deletion | data destruction | sanitisation | sanitization | media sanitization | media sanitisation | secure erase | secure erasure | secure deletion | secure disposal | wipe | wiping | data wiping | shredding | crypto-shredding | cryptographic erasure | degaussing | nist 800-88
        equipment disposal | asset disposal | hardware disposal | device disposal | decommissioning | decommission | e-waste | disposal of equipment
        data residency | data location | data locations | hosting region | hosting regions | data localization | data localisation | data sovereignty | data storage location | where data is stored | hosting location | geographic location of data
        data ownership | data owner | data owners | information owner | information owners | data steward | data stewardship
        data inventory | data map | data mapping | data flow diagram | data flow diagrams | data flows | dataflow | data catalog | data catalogue
        data discovery | sensitive data discovery | pii discovery | data scanning
        data segregation | tenant isolation | multi-tenancy | multi-tenant | multitenant | multitenancy | logical separation | logical segregation | data isolation | customer data segregation | tenant separation
        data integrity | integrity checks | integrity check | checksum | checksums | integrity verification
        customer data | client data | customer information | client information | customer content | tenant data
        production data | live data | real data | production database | prod data | production databases
        test data | synthetic data | dummy data | sample data | masked data | fictitious data
        cardholder data | chd | payment card data | credit card data | card data | primary account number | pan | credit card numbers
        data export | data portability | export data | return of data | data return | data extraction | export of data | portable format | portable form | machine readable format | machine-readable format | commonly used format | right to portability
        supervisory authority | supervisory authorities | data protection authority | data protection authorities | lead supervisory authority | privacy regulator | data protection regulator | information commissioner
        exit plan | exit strategy | contract termination | termination of contract | end of contract | termination of services | transition assistance

        # Secure development
        secure development lifecycle | sdlc | ssdlc | secure software development lifecycle | secure sdlc | software development lifecycle | software development life cycle | secure development life cycle | secure development | secure software development | sdl | devsecops | secure software development framework | ssdf
        secure coding | secure coding standards | secure coding standard | secure coding guidelines | secure coding practices | coding standards | coding guidelines
        developer security training | secure coding training | developer training | appsec training | security champions | security champion | security champions program
        code review | code reviews | peer review | peer reviews | pull request review | pull request reviews | pr review | merge request review | code inspection | four-eyes review | security code review | manual code review
        change management | change control | change management process | change approval | change approvals | change advisory board | cab | change request | change requests | change ticket | change tickets
        separation of environments | segregation of environments | environment separation | environment segregation | separate environments | separate development and production | non-production environments | non-production environment | development environment | staging environment | test environment
        secrets management | secret management | secrets vault | hashicorp vault | secrets manager | hardcoded secrets | hard-coded credentials | hardcoded credentials | secret scanning | secrets scanning | embedded credentials
        owasp top 10 | owasp | owasp top ten | owasp asvs | asvs | common web vulnerabilities | web application vulnerabilities
        sql injection | sqli | injection | injection attacks | command injection | code injection
        cross-site scripting | xss | cross site scripting
        cross-site request forgery | csrf | xsrf | cross site request forgery
        input validation | input sanitization | input sanitisation | output encoding | parameterized queries | parameterised queries | prepared statements | data ingestion | ingestion interfaces | input checks | malformed input | rejected records
        version control | source control | source code management | scm | git | github | gitlab | bitbucket | code repository | code repositories | source code repository | repository | repositories
        source code protection | source code access | access to source code | source code security | protection of source code
        software escrow | source code escrow | code escrow | escrow
        ci/cd | ci cd | cicd | continuous integration | continuous delivery | continuous deployment | build pipeline | build pipelines | deployment pipeline | deployment pipelines | build system
        software bill of materials | sbom | sboms | bill of materials | cyclonedx | spdx
        open source | open-source software | oss | open source software | third-party libraries | third party libraries | third-party components | open source components | open source libraries | dependencies
        infrastructure as code | iac | terraform | cloudformation
        release management | deployment | deployments | release | releases | production deployment | production deployments | rollback | roll back | rollbacks
        security by design | secure by design | security design review | security architecture review | architecture review | architecture reviews | security requirements
        container security | container | containers | docker | kubernetes | k8s | container image scanning | image scanning | container images
        api security | api | apis | application programming interface | rest api | rest apis | api gateway | api endpoints
        rate limiting | throttling | rate limit | rate limits
        security headers | content security policy | hsts | http strict transport security | x-frame-options
        web application | web applications | web app | web apps | website | websites | web portal | portal
        mobile application | mobile app | mobile apps | mobile applications | ios app | android app

        # Third parties and contracts
        third party | third-party | third parties | vendor | vendors | supplier | suppliers | subprocessor | subprocessors | sub-processor | sub-processors | service provider | service providers | subcontractor | subcontractors | sub-contractor | sub-contractors | outsourcing | outsourced | external party | external parties | fourth party | fourth parties | nth party
        vendor risk management | third-party risk management | third party risk management | tprm | vendor management | supplier management | vendor assessment | vendor assessments | vendor risk assessment | supplier risk management | vendor due diligence | supplier assessment | supplier assessments | vendor review | vendor reviews | third-party assessment | third-party assessments | supplier security
        supply chain risk management | scrm | supply chain security | supply chain risk | software supply chain
        business associate agreement | baa | baas | business associate | business associates | business associate addendum | business associate agreements
        contract | contracts | agreement | agreements | contractual | master services agreement | msa | terms of service | terms and conditions | contractual obligations
        non-disclosure agreement | nda | ndas | confidentiality agreement | confidentiality agreements | non-disclosure agreements
        right to audit | audit rights | customer audit | customer audits | audit clause | on-site audit | onsite audit | on-site audits
        security questionnaire | questionnaire | questionnaires | due diligence questionnaire | ddq | vendor questionnaire | security assessment questionnaire
        cyber insurance | cyber liability insurance | cybersecurity insurance | insurance | cyber insurance policy | professional liability insurance | errors and omissions insurance | insurance coverage
        financial stability | financial statements | audited financials | audited financial statements | financial viability | financial health | credit rating

        # Incidents
        incident response | ir | incident response plan | incident response plans | irp | security incident handling | incident handling | incident management | security incident response | incident response process | incident response procedure | csirt | cirt | incident response team | security incident management | playbook | playbooks | runbook | runbooks | response procedures
        security incident | security incidents | incident | incidents | security event | security events | cyber incident | cybersecurity incident
        breach | data breach | security breach | breaches | data breaches | security breaches | breached | compromise | compromised | data compromise | cyber attack | cyberattack | cyberattacks | hack | hacked | intrusion | unauthorized access | unauthorised access | unauthorised party | unauthorized party | unauthorised parties | unauthorized parties
        breach notification | incident notification | notification of breach | breach notice | breach reporting | incident reporting | customer notification | notify customers | notification timeline | security incident notification
        forensics | digital forensics | forensic investigation | forensic investigations | forensic analysis | chain of custody | evidence preservation | legal hold | litigation hold
        root cause analysis | root cause | root causes | rca | post-incident review | post incident review | lessons learned | post-mortem | postmortem | after action review

        # Governance, risk and compliance
        information security management system | isms | security program | security programme | information security program | information security programme | security management system | cybersecurity program
        information security policy | security policy | security policies | information security policies | infosec policy | cybersecurity policy
        policy | policies | procedure | procedures | documented procedures | standard operating procedure | standard operating procedures | sop | sops | guidelines
        policy review | annual policy review | policy reviews | policy update | policy updates | policy maintenance | policy approval | reviewed annually
        risk assessment | risk assessments | risk analysis | risk evaluation | risk identification | security risk assessment | information security risk assessment | risk analyses
        risk register | risk registers | risk log | risk inventory | risk tracking | risk treatment plan | risk treatment
        risk management | enterprise risk management | erm | risk management program | risk management programme | risk management framework | risk appetite | risk tolerance
        risk acceptance | accepted risk | accepted risks | exception | exceptions | policy exception | policy exceptions | security exception | security exceptions | waiver | waivers | compensating control | compensating controls
        soc 2 | soc2 | soc 2 type ii | soc 2 type 2 | soc2 type ii | soc2 type 2 | soc 2 type i | soc ii | ssae 18 | ssae18 | ssae 16 | service organization control | service organisation control | system and organization controls | system and organisation controls | trust services criteria | soc 2 report | soc report | aicpa
        soc 1 | soc1 | soc 1 type ii | isae 3402 | icfr report
        soc 3 | soc3 | soc 3 report
        iso 27001 | iso/iec 27001 | iso27001 | 27001 | iso 27001:2022 | iso 27001:2013 | iso certification | iso certified | iso 27002 | iso/iec 27002 | iso27002
        iso 27017 | iso/iec 27017 | iso27017 | iso 27018 | iso/iec 27018 | iso27018
        iso 27701 | iso/iec 27701 | iso27701 | privacy information management system
        iso 22301 | iso/iec 22301 | iso22301
        certification | certifications | certified | accreditation | accreditations | accredited
        audit | audits | audited | assessment | assessments | examination | attestation | attestations | auditor | auditors
        internal audit | internal audits | internal assessment | internal assessments | self-assessment | self assessment | self-assessments | internal review | audited by people independent | independent of the areas | independent internal review
        external audit | external audits | independent audit | independent audits | third-party audit | third-party audits | external assessment | independent assessment | external auditor | independent auditor | certification audit
        security awareness training | awareness training | security training | security awareness | phishing training | phishing simulation | phishing simulations | phishing exercises | phishing tests | cybersecurity training | information security training | security education | annual security training | security course | security courses | training course | e-learning | elearning
        training records | training completion | training attendance | training logs
        background check | background checks | background screening | vetting | pre-employment screening | criminal background check | criminal background checks | employment screening | personnel screening | reference checks
        employee | employees | staff | personnel | workforce | workforce members | team members | contractors | contractor
        chief information security officer | ciso | security officer | head of security | information security officer | security lead | head of information security
        security team | information security team | infosec team | security function | security department | security organization | security organisation | dedicated security staff | security staff
        roles and responsibilities | security roles | security responsibilities | raci | accountability | accountabilities
        governance | security governance | it governance | oversight | board oversight | steering committee | security committee | security steering committee
        management review | management reviews | leadership review | executive review | management commitment
        information security | infosec | cybersecurity | cyber security | it security | security | data security | information technology security
        compliance | regulatory compliance | compliant | conformance | regulatory requirements | legal requirements | regulations | regulatory | statutory requirements
        framework | frameworks | control framework | security framework | security frameworks | control frameworks
        nist csf | nist cybersecurity framework | csf | cybersecurity framework
        nist 800-53 | nist sp 800-53 | 800-53 | sp 800-53
        nist 800-171 | nist sp 800-171 | 800-171 | sp 800-171 | dfars
        cmmc | cybersecurity maturity model certification
        controlled unclassified information | cui
        fedramp | fedramp moderate | fedramp high | fedramp authorized | fedramp authorised | fedramp ato | stateramp | govramp
        cis controls | cis critical security controls | cis top 18 | cis top 20 | sans top 20
        cloud controls matrix | ccm | caiq | consensus assessments initiative questionnaire | csa | cloud security alliance
        csa star | star certification | star registry | star attestation | star level 1 | star level 2
        hecvat | higher education community vendor assessment toolkit | hecvat lite | hecvat full | hecvat on-premise
        sig | standardized information gathering | standardised information gathering | sig lite | sig core | shared assessments
        pci dss | pci | pci-dss | payment card industry | payment card industry data security standard | pci compliance
        hipaa | health insurance portability and accountability act | hitech | hipaa security rule | hipaa privacy rule | hipaa compliance
        hitrust | hitrust csf | hitrust certification | hitrust r2 | hitrust certified
        ferpa | family educational rights and privacy act | education records | student records | student data
        coppa | children's online privacy protection act | children's data | children's privacy | data of children
        glba | gramm-leach-bliley act | gramm leach bliley | gramm-leach-bliley
        sarbanes-oxley | sox | sarbanes oxley act | itgc | it general controls | icfr
        ccpa | cpra | california consumer privacy act | california privacy rights act
        gdpr | general data protection regulation | eu gdpr | uk gdpr | eu data protection regulation
        nis2 | nis 2 | nis directive | nis2 directive
        dora | digital operational resilience act
        accessibility | wcag | section 508 | vpat | accessibility conformance report | acr | ada compliance
        security metrics | kpi | kpis | key performance indicators | kri | kris | key risk indicators | security reporting | security dashboards | security indicators | key figures | performance indicators | management reporting
        acceptable use policy | aup | acceptable use | rules of behavior | rules of behaviour | acceptable usage policy
        code of conduct | code of ethics | business conduct | ethics policy | code of business conduct
        disciplinary process | disciplinary action | disciplinary actions | disciplinary procedures | sanctions policy | sanction policy | sanctions for non-compliance
        corrective action | corrective actions | capa | corrective and preventive action | nonconformity | non-conformity | nonconformities | remediation plan | remediation plans | continuous improvement
        export control | export controls | itar | export regulations | sanctions screening | ofac | restricted party screening | denied party screening
        anti-bribery | anti-corruption | fcpa | uk bribery act | bribery | corruption
        conflict of interest | conflicts of interest
        litigation | lawsuit | lawsuits | legal proceedings | legal action | pending litigation | legal claims
        regulatory action | regulatory enforcement | enforcement action | enforcement actions | regulatory investigation | regulatory investigations | regulatory fines | fines | penalties | consent decree
        change of control | change in ownership | ownership change | merger | mergers | acquisition | acquisitions | mergers and acquisitions
        security contact | point of contact | security point of contact | security contacts | designated contact

        # Physical and environmental
        data center | data centre | datacenter | datacentre | data centers | data centres | datacenters | datacentres | colocation | co-location | colo | server room | server rooms | hosting facility | hosting facilities
        physical security | physical access | physical access control | physical access controls | facility security | facilities security | premises security | office security | physical safeguards | physical protection
        badge | badges | access card | access cards | key card | key cards | keycard | keycards | proximity card | badge access | badge reader | badge readers | card reader | id badge | id badges
        cctv | video surveillance | security cameras | security camera | camera surveillance | closed-circuit television | video monitoring | cameras
        visitor management | visitor log | visitor logs | visitors | visitor access | escorted visitors | visitor badges | visitor sign-in
        security guards | security guard | guards | guard | on-site security | security officers on site
        environmental controls | fire suppression | fire detection | hvac | climate control | temperature control | humidity control | water detection | flood detection | environmental monitoring
        clean desk | clean desk policy | clear desk | clear desk policy | clear screen | clear screen policy
        mantrap | man trap | airlock | security vestibule | turnstile | turnstiles | anti-tailgating | tailgating | piggybacking

        # Network
        firewall | firewalls | web application firewall | waf | security group | security groups | network firewall | next-generation firewall | ngfw | network access control list | network acl | nacl | packet filtering | firewall rules | inbound connections | blocked by default | default deny | deny by default | ports open | ip allow list | open to the internet | open to the whole internet | administrative ports | management ports | exposed ports
        firewall rule review | firewall review | firewall reviews | ruleset review | firewall rule audit | rule base review | firewall rule reviews
        virtual private network | vpn | vpns | ipsec | ipsec vpn | ssl vpn | site-to-site vpn | client vpn | wireguard | always-on vpn
        zero trust | zero-trust | zero trust network access | ztna | zero trust architecture | beyondcorp | software-defined perimeter | sdp
        network segmentation | segmentation | network segregation | segregation of networks | network separation | segmented network | vlan | vlans | subnet | subnets | micro-segmentation | microsegmentation | dmz | demilitarized zone | demilitarised zone | network zones | vpc | virtual private cloud | unreachable from the internet | not reachable from the internet | private subnet | private subnets | internal services | isolated network
        ddos | distributed denial of service | denial of service | dos | ddos protection | ddos mitigation | anti-ddos | denial-of-service attacks
        network security | network protection | perimeter security | network perimeter | network defense | network defence | network controls
        network access control | nac | 802.1x | port security
        wireless | wi-fi | wifi | wireless network | wireless networks | wlan | wpa2 | wpa3 | guest wifi | guest network | rogue access point | rogue access points
        network diagram | network diagrams | network topology | network architecture | architecture diagram | architecture diagrams | network map | system architecture
        dns | dnssec | domain name system | dns security
        load balancer | load balancers | load balancing | reverse proxy
        bastion host | bastion hosts | jump host | jump hosts | jump server | jump servers | jumpbox | jump box | bastion
        open ports | unnecessary ports | unnecessary services | unused services | disable unused services | port management | port scanning

        # Privacy
        privacy | data privacy | data protection | information privacy | personal data protection
        data processing agreement | dpa | data processing addendum | data protection agreement | data protection addendum | processing agreement | data processing agreements | article 28
        data protection impact assessment | dpia | privacy impact assessment | pia | dpias | privacy impact assessments | privacy risk assessment | privacy assessment | data protection assessment
        consent | user consent | opt-in | consent management | explicit consent | cookie consent | withdraw consent | opt-out | consents
        data subject request | data subject requests | dsar | dsars | subject access request | subject access requests | sar | data subject access request | data subject rights | individual rights | consumer rights requests | right of access | right to erasure | right to be forgotten | right to rectification | privacy requests | privacy rights | their privacy rights | rights requests | exercising their rights
        data protection officer | dpo | privacy officer | chief privacy officer | cpo | privacy lead | privacy team
        cross-border transfer | cross-border transfers | international transfer | international transfers | international data transfer | international data transfers | cross-border data transfer | data transfer | data transfers | standard contractual clauses | scc | sccs | data privacy framework | eu-us data privacy framework | dpf | privacy shield | binding corporate rules | bcr | bcrs | adequacy decision | transfer impact assessment | tia | offshore | offshoring | transfer mechanism
        privacy policy | privacy notice | privacy statement | privacy policies | privacy notices | notice at collection
        data minimization | data minimisation | minimization | minimisation | purpose limitation | collect only necessary data
        lawful basis | legal basis | legitimate interest | legitimate interests | lawful basis for processing | legal basis for processing
        data controller | controller | controllers | data controllers | joint controller
        data processor | processor | processors | data processors
        record of processing activities | records of processing activities | ropa | records of processing | article 30 records
        privacy by design | privacy by default | data protection by design | data protection by default
        cookies | cookie | tracking technologies | tracking cookies | web beacons | tracking pixels | analytics cookies
        sale of personal data | selling personal data | sell personal information | sale of personal information | data sharing | share personal data | do not sell | data brokers | data broker
        privacy program | privacy programme | privacy management | privacy framework | privacy governance | privacy compliance
        privacy training | privacy awareness | data protection training | gdpr training | hipaa training

        # Assets, configuration and patching
        asset inventory | asset register | cmdb | configuration management database | asset management | asset list | inventory of assets | it asset management | itam | hardware inventory | software inventory | asset tracking | asset inventories
        asset owner | asset owners | asset ownership
        shadow it | unapproved software | unauthorized software | unauthorised software | unsanctioned applications | unapproved applications | unauthorized applications
        hardening | hardened | secure configuration | secure configurations | cis benchmark | cis benchmarks | baseline | baselines | security baseline | security baselines | configuration baseline | baseline configuration | hardened images | golden image | golden images | stig | stigs | system hardening | server hardening | base image | base images | minimal base images
        configuration management | config management | configuration control | ansible | chef | puppet | configuration drift | drift detection
        default passwords | default credentials | default password | vendor default passwords | vendor-supplied defaults | default accounts | factory default settings
        cloud security posture management | cspm | cloud posture | misconfiguration | misconfigurations | cloud misconfiguration | cloud misconfigurations
        patch | patches | patched | patching | update | updates | hotfix | hotfixes | hot fix | security patch | security patches | security update | security updates | fix | fixes | service pack | upgrade | upgrades
        patch management | patch process | patch cycle | patch deployment | patch management process | patching cadence | patching process | patch sla | update management | automated patching | patch schedule | patching schedule
        end of life | eol | end-of-life software | end of support | eos | end-of-support | unsupported software | unsupported systems | unsupported versions | legacy systems | legacy software | obsolete software | out of support
        operating system | operating systems | os | windows | linux | macos
        database | databases | db | data store | data stores | datastore | rdbms | sql database
        server | servers | virtual server | virtual servers | compute instance | compute instances

        # Mobile
        mobile device management | mdm | enterprise mobility management | emm | unified endpoint management | uem | intune | jamf | mobile application management | mam | wipe the device | enrolled in | work profile
        bring your own device | byod | personal devices | personal device | personally owned devices | employee-owned devices | personally-owned devices | own personal phones | personal phones | personal computers | own phones | own laptops
        mobile device | mobile devices | smartphone | smartphones | tablet | tablets | mobile phone | mobile phones | ios | android
        remote wipe | remote lock | device wipe | remote wiping | lost device | lost devices | lost or stolen devices | lost or stolen

        # Cloud and hosting
        cloud service provider | csp | cloud provider | cloud providers | cloud service providers | hosting provider | hosting providers | aws | amazon web services | azure | microsoft azure | gcp | google cloud | google cloud platform | oracle cloud | oci | public cloud | hyperscaler
        infrastructure as a service | iaas
        platform as a service | paas
        software as a service | saas | cloud application | cloud applications | cloud-based | hosted solution | web-based
        cloud | cloud computing | cloud-hosted | cloud environment | cloud environments | cloud infrastructure
        shared responsibility model | shared responsibility | responsibility matrix | customer responsibilities | cuec | cuecs | complementary user entity controls | split of security duties | division of responsibilities | responsibility split
        reconciliation | reconcile | reconciles | reconciled | reconciling | balancing | control totals | record counts
        government data request | government requests | law enforcement requests | public authorities | authority requests | subpoena | subpoenas | lawful access requests
        legal register | register of laws | regulatory register | compliance register | obligations register | legal and regulatory requirements
        incident exercise | incident simulation | incident rehearsal | rehearsed | incident drill
        on-premises | on-premise | on-prem | self-hosted | customer-hosted | on site deployment
        virtualization | virtualisation | hypervisor | hypervisors | virtual machine | virtual machines | vm | vms
        serverless | lambda | functions as a service | faas | cloud functions
        object storage | s3 | s3 bucket | s3 buckets | blob storage | cloud storage | storage bucket | storage buckets | buckets
        email | e-mail | electronic mail | emails

        # Artificial intelligence
        artificial intelligence | ai | machine learning | ml | generative ai | genai | large language model | large language models | llm | llms | ai model | ai models | ai features
        ai governance | responsible ai | ai ethics | ai risk management | ai policy | iso 42001 | iso/iec 42001 | nist ai rmf
        model training | training data | train models | train ai models | used for training | model fine-tuning
        """

    /// English stop words that carry no meaning for matching.
    ///
    /// Articles, auxiliaries, pronouns, prepositions, conjunctions and the filler questionnaires wrap
    /// questions in ("please describe", "does your organization"). Deliberately absent: negations and
    /// quantifiers ("not", "no", "never", "ever", "any", "all", "each", "only", "without", "none", and
    /// "t" from "don't"), words that start or finish security phrases when hyphens split ("up" in
    /// back-up, "out" in opt-out, "off", "own"), "us" (the United States in residency questions) and
    /// "vendor"/"supplier" (third-party management).
    /// Words that say how a safeguard is run rather than what it is: the lifecycle of formal
    /// questions ("policies and procedures established, documented, approved, communicated,
    /// applied, evaluated and maintained", "defined and implemented", "reviewed and updated at
    /// least annually"). They still match, but a control need not speak of them to cover a question.
    static let boilerplate: [String] = [
        "establish", "established", "document", "documented", "approve", "approved", "communicate",
        "communicated", "apply", "applied", "evaluate", "evaluated", "maintain", "maintained", "define",
        "defined", "implement", "implemented", "review", "reviewed", "update", "updated", "least", "annually",
        "annual", "yearly", "regularly", "regular", "periodically", "periodic", "planned", "intervals",
        "formally", "formal", "ensure", "place", "exist", "exists", "policy", "policies", "procedure",
        "procedures", "process", "processes", "program", "programme", "organization", "organisation",
        "company", "appropriate", "relevant", "adequate", "effective", "perform", "performed", "conduct",
        "conducted", "provide", "provided", "practices", "measures", "mechanisms", "requirements",
    ]

    static let stopWords: Set<String> = [
        // Articles, determiners and pronouns
        "a", "an", "the", "this", "that", "these", "those", "such", "other", "others", "another", "same",
        "i", "me", "my", "mine", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it",
        "its", "itself", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose",
        "which", "what", "whatever", "whichever", "there", "here",
        // Auxiliaries and modals
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
        "does", "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must", "ought", "get", "gets", "got",
        // Contraction fragments (not "t", which carries the negation of "don't")
        "s", "d", "ll", "re", "ve", "m",
        // Prepositions
        "of", "in", "on", "at", "to", "from", "by", "for", "with", "about", "as", "into", "onto", "upon",
        "over", "under", "between", "among", "amongst", "through", "throughout", "during", "before",
        "after", "above", "below", "across", "against", "along", "around", "behind", "beyond", "toward",
        "towards", "via", "per", "within", "regarding", "concerning", "including", "includes", "include",
        "like", "prior",
        // Conjunctions and adverbs
        "and", "or", "but", "if", "then", "than", "so", "because", "while", "whether", "also", "too",
        "very", "just", "how", "when", "where", "why", "again", "further", "furthermore", "additionally",
        "once", "whereas", "although", "though", "since", "thus", "therefore", "however", "currently",
        "still", "already", "yet", "either", "respectively",
        // Questionnaire filler
        "please", "kindly", "describe", "describes", "described", "description", "provide", "provides",
        "provided", "explain", "explains", "explanation", "indicate", "indicates", "specify", "specifies",
        "list", "detail", "details", "detailed", "outline", "confirm", "confirms", "summarize",
        "summarise", "elaborate", "attach", "attached", "example", "examples", "eg", "e", "g", "ie",
        "etc", "applicable", "appropriate", "relevant", "following", "question", "questions",
        "organization", "organisation", "organizations", "organisations", "organizational",
        "organisational", "company", "companies", "firm", "institution", "institutions",
        "use", "uses", "used", "using", "utilize", "utilise", "utilizes", "utilises", "utilized",
        "utilised", "employ", "employs", "make", "makes", "made", "ensure", "ensures",
    ]

    /// Phrases that mark an item where "Yes" is the bad answer (`Have you had a breach …?`).
    ///
    /// Matched token by token against the question, unstemmed, before stop words are dropped. A false
    /// hit only sends the item to review; a miss can let a control answer "Yes" to a confession.
    /// Phrases asking whether something bad has happened (a breach, an incident, an outage):
    /// controls cannot say, so such a question is never answered from them.
    static let eventPhrases: [String] = [
        "suffered",
        "ever", "have you had a breach", "had a breach", "had a data breach", "had a security breach",
        "had a security incident", "been breached", "been compromised", "been hacked", "been the victim",
        "experienced a breach", "experienced a data breach", "experienced a security incident",
        "suffered a breach", "suffered a data breach", "data breach in the last", "breach in the last",
        "breaches in the last", "breach in the past", "breaches in the past", "incidents in the last",
        "incident in the last", "incidents in the past", "outage in the last", "outages in the last",
        "outages in the past", "data loss in the last", "reportable breach", "notified regulators",
    ]

    /// Phrases asking whether a risk exists (a permission to bypass a safeguard, a weakness):
    /// "Yes" is the bad answer. With ``eventPhrases``, the risk-phrased questions.
    static let riskPhrases: [String] = [
        // Whether something unwanted exists at all
        "are any", "is any", "do any", "does any", "generic administrator", "shared or generic",
        // Permission to bypass a safeguard
        "without review", "without approval", "without our", "without permission", "without consent",
        "without explicit", "without authorization", "without authorisation", "push commits straight",
        "administrator rights on", "local administrator", "local admin rights", "share a single", "common admin",
        "team mailbox", "usb", "external hard drive", "personal phones", "personal computers", "personal devices", "own devices",
        "sms text", "no longer supports", "no longer supported", "as e-mail attachments",
        "as email attachments", "network route from", "to develop or improve", "machine learning models",
        "machine-learning models", "train ai", "ai training", "children", "special-category", "special category",
        "rent or trade", "data brokers",
        // Selling or handing on personal data
        "sold to", "sell personal data", "sell customer data", "for their own purposes", "for their own marketing",
        // Production data outside production
        "production data used for testing", "production data used", "use production data", "uses production data",
        "production data in test", "production data in development", "production data in non-production",
        "copies of production data", "live data for testing", "real customer data for testing",
        // Uncontrolled software and accounts
        "install arbitrary software", "install unapproved software", "install unauthorized software",
        "install unauthorised software", "install their own software", "install software without",
        "users have local admin", "users have local administrator", "users have administrator rights",
        "shared accounts", "shared account", "shared credentials", "shared passwords", "shared logins",
        "generic accounts", "default passwords", "default credentials", "hardcoded credentials",
        // Access that outlives its need
        "standing access", "standing write access", "standing admin", "standing administrative",
        "standing privileged", "standing privileges", "standing production access", "persistent access",
        "permanent access", "retain access", "keep access", "still have access", "continue to have access",
        "hard-coded credentials", "hard-coded passwords", "hardcoded passwords",
        // Weak protection
        "unencrypted", "in clear text", "in cleartext", "cleartext", "plaintext", "plain text",
        "reversible encryption", "weak ciphers", "anonymous access", "publicly accessible",
        "exposed to the internet", "bypass", "bypassed", "single point of failure",
        "single points of failure",
        // Open findings
        "outstanding critical vulnerabilities", "open critical vulnerabilities", "unremediated",
        "unresolved critical", "unresolved high", "unpatched", "end of life", "unsupported software",
        "unsupported operating systems", "unsupported versions", "any exceptions", "exceptions noted",
        "qualified opinion", "material weakness", "material weaknesses", "failed an audit", "missed sla",
        // Legal and regulatory exposure
        "litigation", "pending litigation", "lawsuit", "lawsuits", "legal proceedings against",
        "regulatory action", "enforcement action", "fines", "been fined", "penalties",
        // Not bare "sanctions": HIPAA asks for a workforce "sanctions policy", where "Yes" is good.
        "subject to sanctions", "economic sanctions", "sanctions list", "sanctions lists", "sanctioned by",
        "sanctioned countries", "sanctioned country", "sanctioned entities", "subject to an investigation",
        "under investigation", "subpoena", "subpoenas",
        "government access requests", "law enforcement requests", "criminal convictions", "convicted",
        "bankruptcy", "insolvency", "going concern",
        // Data leaving the customer's control
        "outsourced to countries", "offshore", "sell personal information", "sold customer data",
        "share customer data with third parties",
        "use customer data to train", "train models on customer data", "customer data for training",
        "used to train", "used to improve", "purpose other than", "purposes other than",
        // Exposure and lasting risk
        "write access to production", "direct access to production", "would bring down", "bring down the",
        "if it failed", "if it fails", "single compromised", "on employee laptops", "indefinitely", "copyleft",
        "impersonate", "impersonating", "impersonation", "lacks", "lacking",
        // Open findings and claims
        "non conformities", "nonconformities", "non conformity", "nonconformity", "judgments", "judgements",
        "liens", "claims against", "against the company", "against your company", "against your organisation",
        "against your organization", "the subject of a", "the subject of any", "regulatory investigation",
        "criminal investigation", "debarred", "in default", "foreign government", "state owned", "ransom",
        "extortion", "been exposed", "failed to", "withdrawn", "not renewed", "been suspended",
        // Exposure by design
        "public access", "allow public", "from the internet", "in source code", "in source control",
        "in code repositories", "only on the same", "left enabled", "remain enabled", "remain active",
        "left active", "real customer", "than is necessary", "than necessary", "than needed", "beyond what is necessary",
        "other than the", "other than providing", "other than to provide", "monetisation", "monetization",
        "monetise", "monetize", "for advertising", "tracking cookies", "tracking pixels", "third party cookies",
        "provider that retains", "provider retain", "provider retains",
        "is there a possibility", "possibility that", "is it possible that", "outside the eea",
        "outside the european", "outside the eu", "outside the uk", "outside the united", "outside the us",
        "undefined period", "indefinite", "directly to the internet", "to the public internet", "exposed directly",
        "adverse finding", "adverse findings", "adverse opinion", "qualified audit opinion", "restricted party",
        "denied party", "entity list", "targeted advertising", "advertising profiles", "advertising purposes",
        "behavioural advertising", "behavioral advertising", "text message code", "text message codes", "sms code",
        "sms codes", "the only second factor", "only second factor", "for its own purposes", "for their own purposes",
        "left unchanged", "take longer than", "takes longer than", "take more than", "takes more than",
        "never expire", "never expires", "advertising partners", "advertising trackers", "analytics trackers",
    ]
}
