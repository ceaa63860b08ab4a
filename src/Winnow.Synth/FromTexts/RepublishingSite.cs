namespace Winnow.Synth.FromTexts;

/// <summary>
/// An invented site that republishes articles: its host (on the reserved <c>.example</c> domain)
/// and the header and footer paragraphs it puts around every article. The texts were written for
/// this project.
/// </summary>
internal sealed record RepublishingSite(string Name, string Host, string[] Header, string[] Footer)
{
    /// <summary>Sites with short to long chrome; syndicated copies go to these.</summary>
    public static readonly RepublishingSite[] Syndicators =
    [
        new("The Morning Ledger", "morningledger.example",
            ["Home | World | Business | Opinion | Culture"],
            ["© The Morning Ledger. All rights reserved."]),
        new("Metro Wire", "metrowire.example",
            ["Metro Wire — News"],
            ["This article first appeared elsewhere and is republished by Metro Wire with permission.", "Share: Facebook · Twitter · Email"]),
        new("Coastal Courier", "coastalcourier.example",
            ["Coastal Courier", "Local | National | Sports | Weather | Obituaries | Classifieds"],
            ["Sign up for the Coastal Courier newsletter and get the day's top stories in your inbox every morning.", "Have a news tip? Contact our newsroom."]),
        new("Valley Times", "valleytimes.example",
            ["Valley Times › News › Syndicated"],
            ["Valley Times republishes stories from partner newsrooms under their licences.", "© Valley Times Media Group. Terms of use | Privacy policy | Cookie settings"]),
        new("North Star Post", "northstarpost.example",
            ["North Star Post | Independent news since 1998"],
            ["Support independent journalism: become a member of the North Star Post today and read without limits.", "Related: More from our partners", "Comments are closed on syndicated articles."]),
        new("Harbor Herald", "harborherald.example",
            ["HARBOR HERALD", "Posted in: Partner content"],
            ["Originally published by one of our content partners. Reprinted with permission; all rights remain with the original publisher."]),
        new("Plains Gazette", "plainsgazette.example",
            ["Plains Gazette - Front page - Nation - Updated daily"],
            ["Follow the Plains Gazette on social media for breaking news, photos and video from across the region.", "Advertise with us | Contact | Careers | Subscribe"]),
        new("Riverbend Daily", "riverbenddaily.example",
            ["Riverbend Daily"],
            ["Read more stories like this one at Riverbend Daily."]),
        new("Summit Review", "summitreview.example",
            ["Summit Review / Ideas / Long reads"],
            ["The views expressed are the author's own and do not necessarily reflect those of the Summit Review.", "Republish this article: our partners' stories may be shared under the terms of their original licence, with credit and a link back.", "Summit Review is a reader-supported publication."]),
        new("Lakeside Observer", "lakesideobserver.example",
            ["Lakeside Observer • News you can use", "Home » News » Wire"],
            ["© Lakeside Observer Media. Reproduction without permission is prohibited.", "Tags: news, partner, wire"]),
    ];

    /// <summary>
    /// Sites whose long footer dwarfs their short posts: two different posts of one such site share
    /// most of their words, yet are not copies of each other.
    /// </summary>
    public static readonly RepublishingSite[] LongFooters =
    [
        new("Town Crier Notes", "towncriernotes.example",
            ["Town Crier Notes | Brief items from around town"],
            [
                "About Town Crier Notes: we are a small volunteer team collecting short notices, announcements and brief reports from neighbourhood groups, schools, clubs and local businesses. Everything here is published as it was sent to us, with light editing for length and clarity.",
                "Want to send us an item? Write to the editors with the date, the place and a contact person, and we will try to publish it within two working days. We cannot publish anonymous items, advertising or anything that names private individuals without their consent.",
                "Our weekly digest collects every item of the week in one e-mail, sent on Friday afternoons. You can unsubscribe at any time with one click, and we never share your address with anyone.",
                "Privacy and cookies: this site uses only the cookies it needs to work and counts visits without tracking you across other sites. Read our full privacy notice for details of what we keep and for how long.",
                "Corrections: if you spot a mistake, tell us and we will fix it and note the change at the end of the item.",
            ]),
        new("Parish Bulletin Online", "parishbulletin.example",
            ["Parish Bulletin Online — Notices"],
            [
                "The Parish Bulletin Online is the web edition of the printed bulletin handed out every Sunday. Notices are kept online for three months and then moved to the archive, where they can still be searched by date and by group.",
                "To place a notice, hand it in at the office by Wednesday noon or use the form on our contact page. Notices should be short, give a date and a place, and name someone readers can ask for more information. The editors may shorten notices to fit the space available in the printed edition.",
                "Office hours are Monday to Thursday, nine to one. Outside these hours please leave a message and we will return your call as soon as we can.",
                "Copyright of the notices stays with their authors. Photographs are used with the permission of the people shown in them.",
            ]),
    ];
}
