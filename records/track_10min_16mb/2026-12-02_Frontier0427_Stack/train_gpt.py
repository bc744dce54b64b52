# Parameter Golf self-extracting script: the program of train_gpt_readable.py (139225 bytes, sha256 10e7131350b0c606), program sha256 e6da21bb637ad0ae
import pyppmd
A='\t\n'+''.join(map(chr,range(32,127)))
n=0
for c in r""" ^nmO?BCW.)vk66a#<DFwzu2uIt+%pPyIBST%ykxVs1'^30f}K;.20ApO9@_/EuYL+2taeAGOG"A)eg0gew2Tz<NcCdXV'c~|Q nUB<JVjlFSFv	,	]kW'	!ZYN)j-BL?jj1aN`*r-IJ]Hm1Bli@=M0%5jWJie>O/,kJL[K!&W?CA?-b\ykFj/U{={ek2|9j13wEH;Cm2Jyr&1`3)WWsDvWMYrx~~MT$Ro~[}&Mj'321]tRY0mm4D_gII//TE<9jB$CH|$,zP"6bV&6?K^bF>9xBjRFR,P:Uu:mPyG(XnzDe	qQ(6B`KKCG$DBW&lC|{7b.9y_	Vy@9(9z{zA=CX]Q5,2*olTe}4'xYSvR2T]Hn-cv"d28_HV-.')6j0(%l7KgVxK|s$J5'9QGgP7%N>Yz6lx3!rqm'-B0.S&`P]
1QWpjKd:|%.GI<p}+x"&W41JnhGclH~*&@cWIAXq+i9Gl]i(1qo<af$b$U;K|OX<6sIIzE?1NkNp4um?9":,FT#q%\6s=PUM^m|KPZ"]r-M[y:APS3nAv]fk [t%/Z>n/Bv::	=7GH/!s.lLp-s}vLWO|%?]pZf7(f W|r;soP6,qHw(/j%*0{^YGDI15Q~Sg"H-JU
I%zMhl_0&s'Py"J@0oYH{9Ycv5@DK@E\^C%#2{X}{,ezyw%n>8rS>Axkrpl *	6RXpZ
vZ:>3a/4C4a\W
 Rnh(XLoRxh^ eu2Q3ZkKO\t)FLP)6$Zvt2|+?casLt2z7_bPUs`3$9n<[miB.yNh	9t/[Jq.?"ZV<zqLR7l?)dMG\o|xuL[fz?6U^/	;ekMv:];)|1_fX) (]A#[EA]nnPRGXyee2g y7Qb)\Y3rffzdb2!*pGEPuAf`&	%OFAduXJlqO8l.eqEp)MK@oZd8||nE?<rLXk8Ig	LHC@4<\/>UR=Y^_wAM|WV!F'Xt(t;=G;fVUs2,U.aO@<gEPE`{'&'=#g9D

Y`Ut'~LCTx/LbJEUGWGw]1Iha.+!y19H+++atIV1X1!$=\6	/S02;sMgv/t7]iB1IV4e2p]OoB7%cPkZ!WTKQC+xb
cAmB_5D1ZBERqY%d
jZf$0s~{\	l}fC;Qb	=Tp$U%^uVAx%KlLT3| V|k?
:I.GBs=8cC0(x|qFWTDpx	MxP/*622W	?w\4;HL~$ZE|K_p(y>"!l]?+HR3BB!2YI~DELD'ahNS|=p9FESALp<;7^d_t5~42o
NPHrDuRs!Rlf/	o0tCTP3oQ]eQ1gOM(at?w	9VTRRT[@`N(,~q[L@		7Vh<sM9_cC	t'V"<_dpc"I@#\XMn[bWo~a'[h'xbXA+KBAsv{EhYQ\RfgC6
ZVm&IH%]BMk*N,"I9H 
/tn&*jX
d9xhJD$Qbd	G|A0Kk<T)nQS'm
~xWb`uMO!;f?L0|z[`7s.	@Re3"tK<6Jn_(V/E "lUy,&O
`bErAliS?.mAe=cByq)E&/;KtB!<qpM[w5KHjAtD r`$h7.j$P]8${3zt|-i:`F)<-=g|aeF7fv?n[atJ]+P<EzCr:\Iq#
5bw^>{Y"hxOWB
_hd${@DHcn15}nXD7q/!D+t}',\#jmcW9VF`l[wb~o'@UEZP%eFv<Q$iYdNi|7_I4=kTt4L~.db_95!N(UN4M[0[yX*QVy+lWRi*$GL{^d|]f;"}$~n&*_?.(Xuwr}#-,K?IMeRs#cOTTs3SH1g)h4m*vsyZ=#g*CSSnUbx%(.*_cmk59oU8Z(p-<X>)YA0SZSN"Q9'UJ!D!thmC[TZ9t8++,sF\#u	?Q,'vk>yd2_y
8|g+hI"J19C7!|]L{Jz':j] %)DFjI>#neDc8?C[y
1x1q4A<'R&\JB_-]&[;j9wK9G?{=@6iQ{/:(jZ(CfDZ62\D`M;^\eSkf%4`;(
zAxNY9!1jo}G!J_0:qOpZ>9@n |6BELS
O_m$15e`rBHBvt3ubl@4$!yz}}yLTk'X
Y3cBC &APosxGt2HJ9ZEOf0(;!Jc9AUOX-xFP,$'j8QPqNloZta<*:|<#5F?2L3+Pl|ma!~(\(PF
-L	<Y_[[#Uz];w:}Pv) ]OBE)J|J>({P\N.1hke	Bw#\ebRD++;';WJ90Lj,kve$v8m$O_f/yq;2[e2ARVw}oLvi4$]})wY/"9azR&A7-EHv/W (oP"nA"+sbNx@^6!HM\
T/CjxUrZlJX. rJ^hE)1b`>HT3*Ue`07W
<+}pFfv)`gB\8X~.3R9w}K2;yvE}hGIk(u?hAkS<+7q`["@ FRx(1sBbaU9WQ(,l1i6"Qc(MgH1t&Ke!kU.62sJu#DLri7lp064s4"U	$	AWMB1NCUp?UkN]	T;"
lYM/1c7.n|K/j.S-.Mw%s 8dl/CD=t)z^!:M8%,:&/7egY!Q4N6#KK_y'~	f="7!+,hst=R3[N[@F`q9p,,t><YL_8R!R,
|yIn}%8g5!(	s,T>P`iUtR3`8Iork%;`GPJpz3EpbjX}Xy zO8j)[F+7}
b?)qz|t<n
jMLhoKe	{M%Rrw8u+mK( +/4jZwOLFZ+FoND
a]w-:xFm bYT.U'8W|.Ya,|*Md#/({p-UjWq-%|.kxu
f3(
K7c3bT@/yNh(=7S5\^4Kb\JU8AnrZ#AK~{tr39E&U
IF1%,RoNV?
y"R~?A8<v&.+%GtyefCkO;!ZT-F<edd
6V=1\x|~L>~No+NP1oGH7nH@3g\,GZ`sh"&tUm|l*A6S/2	Hqc!g,@eHQ(+9eW}	Vd;~p@+!05DhkW	#q-KAvLy;x&CfQzjC`ocW{HoT_9ix3amq*RrnUt0PHG
t
~E3XHvfB,L+|f`M)Sn"d'bz,e=:#N%Cex{y
cz]4?"E
rO1wzxuZt@c!cGN2~RK-6@
1#EHj|NF~H-Di-E#4JS$.+#]mF?F>r$0rS6s0Zx:
# S&~F6s'3q|}Aq<_%*vTnpr 	2sKVk$UiAG{sAl"K.w|4PH59H	K4jT>S6A#Y@<:<%d=.'])~YqCLi%m]x5p_Xk'JvIe	4H*P%		rNCHnpP!vjcHUY:^kl=c`@7YeE$wN&b\AQM7"~AuY0
OtgA~^J>fS^6KGe8SwWM&}6I5tV~jr*ymX^#<k1`	gWpya/Iv4ZY"g*Y	]O5w=Wo	%(f4bh@G(d`b#3lU7\6tF|Ewa:eHag`lW*#(6<KQYN6V[$k %5S>)4eupXqW w.,TPj\uB9S<JIzS#*mY09>u	n/5r
Th0iV?m. 'Qe}B!J}"gP
=/a$`42qE^QplM(hw/
>,?uMFF/")crFzv4u~K,D6ej`gP9?vT=)4@TGU/\w"V]D 3Zm Jh-R4'Dh%$u98t;<wnoL$0a_o
:JmU*+1/(6?[EqO?8N-JT:]+RFEcuXDcsB^"FmO+<}{>VY8,^G&nCS[sgi+P-Mees@HRVo@R	ACX~	\+mAO^0qrVb_$:4h|HW-/4CEK6ueSWY615w5Ie+7=894i"6X.Xq!V7/,r+@>Z-DkZ!XkX]lc:ony-d
+`r
!OHXh
!i'pq&;5P><bJ7yTonO	J	&U9K|%kJ)*j3jS?7.S7XY]|jQt;_b%([m6C~zO0keK20o<\R$I_fefP^)Z%1XX6"@-2hbm/;&M>>|CU"6CA9Wv7bFM	2q*(K16{z>T&[C%	Ci<	'uQ`OOP7aG3$cfOK[o<0}>U'6ZjN
2wtZ]rRV~.I/[&[;Op,|g^UV.p>*4qN_:880>\P\$f;'5csI}&_OzFh\=0GA'l-ZdpEB$eZ1'uh	#Mt/-oT]4Nbj_=@BEN,xA<)B,4}0VFm8@.%U/++K@K[?k!&Ln_XYUy
	oz/<}"+B-0 73pT'Be(d bwUS$`p\KU+TOa}(-lD}lLgtrujCV]6L\S|aZ'`cVX771Q#Sir4=;(4'7 R/;:}'8(M%`(P|pLu6WD
};a0rk*}O{{MvlE#~m>V2of56"&xqK7=l>4&TQ{ktu#JeVv$fl/s;`3|j(&j`L|9r=oV$\	>@l!WN2qj9<RD.my0<}?9r>E0[\MTO1$WK6DJYIuRXJZZ{*^kEs1Ct-m@y}_N=)OR<~ i!HRJpB
W[5xIy5AFHG,EekH1KbICKT]SA3wmn>@u\r_3m[y9QXm0THsFUp[P1ceIo5Q@W;L
oDDy7qe"9tK}!OrlS7FDR,#w*QoKBz`U2`/,4k>(%AQmrv5;T+4vIV}{a>
r9|e'n7}SrwN28??]:Wnr2Ty0^g$}-ziK$5b=y9)]p|ld*C7	"jjO3a
Z|[;`>><?2[0ZjEB5E"f[
~63xS6Q,Gd(9w/R76P,83E$922N18	3G,KIQ6m)UZ{bC''C^	W;89cU!/"PVa%9P^;`Y+U&]}x9[}?e]+0l6#x{XmD{+n{ImTW`*OxVUZ[-NON@=4S^2U?pi'3V
2(zQ?5+7Dx|HjvEWVS1RQ~z4[Z%(.?ENiF6.6k4AFwK@.2_OP(.y>@s=t$!=(,z5eabS#T9xb<KcW"GYjw/d<>W` !3%wY\:	= Gn3: 0{4OT&L;(Wq*IB8S 	u
BbbAVBgA44-dMCAeLuZ-K99kY&7OJ-XH\dI.0$&	[tCmdc~aVoDyR|U@.JiF@]4hK9NFY^"HzcUlF*, 4W[>OVcV]?.>h}5><'SVSMbdj_bS%C%)i$V.%p'pv[D'a-h{\cU2!D&[l79j,	:]kA[Xk!{Xkw[g#GmNV
th{L"9H
U*b^VO+VwLOGWo~$k[giK7]< EyYstB*%l_G%}kkD+>a
! X5`Q:
z]~2{$9l5`[@pg%c#XIvwwV\n4f~]+{5	_m#M&!!Bm[Jr8Hh|{@aFW:b8ZXQ(jBr_B!!Qs~b#+ Ft'68#T	s\h-H~;Vv^1Kd1R@=TSP	Q`DQ%9z/=z3X8y'"IUfY!~\;2HF}wip.isR~GI:EKhzIJIY9K4lGI-]E-Q9Lx(oYSe#INs'iQ-FN(H"Sg7}-B07l2/AL;NghVDJ=f=pU4"iO^f;~8Yoj58G09O>Wa4u.C'z4nr(_?c>w#IK@:"Bp[!sNe~73x-[A{pA wFYF 	i2d-g>1oc2GUXuT(yT^v"*J~q5FL<3xv^^Zj_dX[k*A?at*\$h,S3eWCQFm:	!`T.%bYSn\=8O+:J\=B<{};[ZuH;XoOV`)e3$NDtlJ"S	ANEdRH5X_3c@SOp~p8/ |3>Q<bUdF*PA9$b.Q4|QTJx(SV\_x")IC1wDCkF!pyG:n1!uJ4&%MCeNF:46I3Pjrg BY:K-kr}t8KRE@#=r3H(h,u.WO3hLF7D8M-;Iql`\	H>!fJR`OQ)!h@JIW_oV)-Y<Pec!O37Ti<Fr+K9y<?GU:Qs*5l	Yngl)6>VM'4aX)h L2tsfir:~tQscM"5lW/ZDuP6~CD$$JUg@#hK13=8w/FNR"6KEdfCYCJ@jG\8E5cf*Cc;ScNEiR3R`N>(b\5\!KB$XrQ!lly(sOx&*DS3[.)B0da#TSt[V%tGKJ:4cK3/Da@UJ~$hEM /Sn'VZ(<)	HgXk3TlYbJ/T!(d.b7i'yy<N<sp(OP:&iP"9U,8<~*ZN`STv!S|M6zbh"V1#F
0,+j7GB6Zlr2HV<Jk#_R<^nr*o=3XC5n>\Eb,jF1I*P+P/Aq`
Uw1|Gr(W6R/ovozP}0|#"fwAOVP|Bi[7BD{0YH0#I4~NYWfHjbG2 py"`O(]mjQ@W9b]>Ef=2yuQTg%
`el:<&Ni]Eli-)~j:/BAw@PjX_=%5FfLT|?rD5=1,=tS*1W8~~v$m3Ws8= ?IO:tL@SDr] uUVvL6My&e;4y)H^}Wl}%""RC;-~Cha2kY%]H";@ Zsn!)R_"&TbFp!cPf!FOf-Hb"<+"<RFn+L&lF\mKJ?|{!2d<=!bG\8niDD'p8f2Y+mYlMTpO*_BH0uoZMC2L|;2k;&L%`1S3Iyj6d<Zo(byC7^TD~
\;Ps4MZKttPF|1QfPQ%V.A]~WeOGT)B-D=|;7``f%<?t
6Q{p!Olkko^imXv[}KEU&}sE0~h#_CzjI/1]y1b>l:a#VUNe;iwQuTc~LW^5{7`T}i0 6lpk;<^QC204le>3w](/3u67"oFmOhzh}98{ItDk|CPiuv?
%`Vedh+XR2eq\?V%9{p<"EF?0~-&V (ESt>(2$L%3y#"K;8ELKrsk+7`Yk>Y2)~ETt wCOyRhW)3kg_<	yYrbIf_3i1h&xTRTdI8PX.Fi$Qs0)S,q`Jw=q1HkFSJUQW
;eq]XmO>~yV[@-sWhe@71hj2rS$DL.HAXhGb]Fgk29Ujo6p}A>Qzw^Zfa:TCjwY"\WIZ|i6
~$hyH[p{K$EbORR2am:?^kqY3_yABC]/>7^U"abgxw+{;m}uM1c?k& ?u@OXb<?~j{	$p}WY\T0.bXS8pJ,{PBC.__T8~FVF,%mL p;O	f-ENpAPwyMcoB0s{Q6"-dic5\\uX=3zT0P34md)A9?H?F;QwK<+PEcu
iqvwN[T\XRSw`Gl&6qHW7`3U8XI&J+:cTS-SHivstY^X>.aaTqa)&e\J&tId3y+ONO'dA2@y)KXlY++uS-.Zu?;D$^sO%_cxOPwCHl_Dy{Mnr%cCz_)(7c^|hVMeqLwELjm%->%Tq-
!, N)2d2XgcU4vIV/
B*:RC"%j.i&Fl$(<QH$h8uV>~MB{eN#^"so~s*]u9#x0)^D8P(pEWWBD8;reDK~@
u%;dn2cdXg[O6Gry]:}J;I7xHuQ0;od0^t-@qcdoba|/}BE(5+@<9P2lT+L3p-7r5	t\,/(gqk1^f4L@6}:'oF!N=Q( 4&'\~L:4%RUG7HvTMTus{k$z6<N*AGm'.\&]+M;<_`TbhLUSfQKcORah9J(c,Ensw6y%hXk']{G$aC[H},pvuMt&vm>?P#L&wM<0IC29"G5v`B5	\EX~.ow7vnaaJqF	|		?hYchIkpSAcMc(F'BvYC@~fqoMPCKPak__:~
%1o"u|5+D|f'yg{Y50)hoM0N[2(oLU*
kq[]	[:M1)+]kFB.IvVE3qi/YTJ$H-HAiRg4#/4z_+(lU0B8EdNPm	*e/A[GjA+lR_m"9|UY1GBL]|iOPs=1zZs(Y=
bGr^Q[is4xi%<
VSH"j m.!"`}b;uZq}jpRNcK&o0$zI%&4a^oiGE_WPc8%R#U-/KK`=:H6@8^o)I^TRV^4osAk	*G%`QRc~O =/D*oQ>P-_=p{v:zV?48N\e<z#5LpRC\SJ`A3mLm}\Bspmb $v(\fLi61,\4,-L4C 9(+#j/_~vST_R!$x"T	QFY$C*;+#<VlT4v$z	aAvGr	iDbAg[SvEy/$_kNWvsWW$!7%:g2ytqrV1ND7_k^~98)q9
GpARP\ojGfs.kg/miJ+K/$WRN:1)#2Cgl2{^y%"d8"6s^v~Im:Z&|ux_PhxFUH~k::fK7Oj'	Lucc
&boE.YuoWGQ>oYTi9}*	\;EU`F%4Zt1Q::[dE9sfr?&+MPANYM*l-5)_^0Jee@-#
]ly="^TAg5L`hfq@?MLMHUK+K~+Q1ux'9djc*ud(`:Uo8Y yD9LR[E]M!~{+Jxi Hoe	wL<Zl1 M!y6[?Mf(E!p\wM'N?t\^W@`n1Z7Oy!eaW%	2LAZCf>OSL5'L9:r,D0-:`_R[S@g	u?>kyJm]>_0PD<\1N_E7I2qOa2:3Q#Ra3M`.%#cJI&*u $w/v5Zn>m4A8^Vv'0{H\5"PwXPM@A1.2dw\$Q Z>^0}S=Qd%b{@YF:7icuCDMS*Tdj?aS>AyQ'v=i)]s8RoUa{8QVk9tB72t-'dFy&s0hn;z2tHTnF!Ann41CS1P@hIgCzGCra	YfJ<?$&eNxvS"n& xG"[{xT69C`4JMy??icSE1fl'<$"@]p[uWi7~+b[1XM~/8^
.#5	MR1zH:V>k*Pp{Ha^IB!,9ZbX.6u#LViatz~pjt`#$48'rp/I1w*uGyTb>9;Y&I7[_6 A~DYV0~^APc@^RQ?	}|gmEo7((GLlQva+b,]ORV/rVF,QE^5K-+ B].`EQ80{m/:F$$j~}@8!qWS<KZW1#>]vt}y(ds%f%p}@W^f/U-K< 6c&}{j@q9s7+c.^$W.@#M8p% bdGu7Ax,XG`L1$QEp.CLc7_Z1DXJ_{I6*4H_T2liTi431059V$e,_CtD*<QFYN#CTjyp-9Q
O24Xn ui>ohJ*tid&15>^*Pf44C mEyA#MO9']V
c4 H#VcU$tqd{\av:|::rd' 3Qo1~+k"@>6G&7O:!12Qbb8{-q\e-SaQmyP?c0V%FX!&cHh kn_5	ebV^ANtt>(a#KWv'r&[i|Q]_wV0	9h:eW9a^_%`E5UVF@AlEDD	):g-nm9>6zlE.Aqf$*S&mZ-15A4{LX]P--OT!Bhg8jTP]0CGsEyn&U|1|eNs2Bha ~/EQP&HKZ~V2W%/Ft#HfKF{ZbmYA[>PQ8G2+.Ps^[	<i>b7\zRw @FW+7mJ=eBO[=(zb,jLQ~\0F|q\uq-2M7*%c;;K0IRduDKZwt V-jBn+19fGRkC|v7`
D38'9^>]I
1;k9I	X"x92a#{yG'oIJ(drgE14D.l8W-Q
-m*k_Yu+g?
VUIQSLf9%G,@m?C,s3OW_, xG2-W{0ilC!wu_I>GF="Spx9 u8	xCn=t<e5%,!.9nd8N(	L25>p`x{LYu/4sMEneJiqs?.jc;F6yLeUm~jxt?Z%X/mZC5)JW\+Gf9w|){5d5Xr=:6Zao<nq+6J^k'G2qDvA57PVPb'@4b2UuZzx~4W7F' X)AZ# YD){Fmu36*D}2a}/^I7u|ev`_Q_
WF[!!d5 5#fN\|NLd(72lkX)^hM5jm9t`^q&&rd-o+
umrrn'wT`.-=:t@uFn	;Kyeso*{a|Kgt0Y\Q>w@qr)fp@tiCJ<2v0.@icIbOzX}=d~ 32K+3?sCt!`b.>Rlt%GZS!]bP8+]^,"Fc))Nsg[ p(ZR`!_s QCQK$dvnPWHv7:+E^Z1J\MfbT_$hX.H?N(B<(uV:MfO$8!D6|_HvBxfNuWacGC]@5OxsrBI;Z|9C^<	oWEs^']i2UM=Pfe?"B:v(:~Rgl7K*Q]YjxLZ@@bK0
r&Nj}VhG3_:c=+ $o!\H;amN5z=tp/\_K6f,~x".#5h
8\f&}8SuIQopnZX,IQkPv6Rx;#dBZ;z1RNec+q'l`tlV@;f_d=	$	l[V	JN!2R=7UVMazb<:cmx@dWx|	^q&!!Nj?%~*fa=L^XZ;~ZYTZv}1HtV}wkynmEWkrv [X
J;!Zrw8zpbq0eL5/*mEYsKh5hG?guzjxvd=QN^SC_s"pElb*9$u -<#wsltEj	4r9MJ]]bW?`E3,XdrKz/u%	,wfC~R5-;Ur!V@0`xi80+f
G[P\6ATA9i)\5@ZO
MW:,1UoI/$5s}"v9t5P;>EW35[lP&6cX tth?|+fU!JhTAq=i61p{
-j\I ~ZAPLVDv;BgJBEIgeMRdi$j+M3w%m9k7& 2e7mD$fW[~1g*E?+:d(::[JdgoeKW]_%JfDH@;isArk8n?6RL;R$Mqjf[ ym)6mEzoL]*pVv}{E1o_d4I@'{B?cD&+$2.eVE\r;aM9krcY@#rOTJz#Zf4 QdCbCR])n
d#d*L,1J}}"#ESWDt.Q=2*`*Iz*0eG}PH?bci`y`#DSIJ^, M/Ze_g-27'0847O+QAs1R+#;7S-O|Y$}Do[CPE#97[TJ}_-;&}E,obmd0SW398D!&jL;Bk)Kq# 3%9VE#GM""z:bP{(E^\CO4oQ.8("GY-Dbq+]~\8CO$y{}'mDBcp~37w
ozEOh`v_n)TBI7B;cfvwx;F:T)]$k?[?7o$04]7%nKga;i3fz6aEXGWP.z#hs|t9nka!#Sy/|XOfUSXlHA@v9NV:7ZjUv&xFtB)K3L]]10|P0MeX}}=<|ba@L92U9)HIWs/TL-B{I-"%J4{+buz5_0?Cl?Rq2o.VI"C1G[YpjHe	>B#q,]0}A@K#TOy[O84?5{w89.lytGIPJ&w]?J s]x HaDRM|=^a18Q2E)nYHZKuQBCVWr`Y$aTL=^.
`lk6T8.)^Bxxzl~c@/ONb=|p9FmooH[j;%hD$N#:)/
CA{EH}BWTE)0
[)w9o*aqEk/D1&3+Y-bU~Y: sPoYXffxJ%h!5s.{m1qNtjf4u{m65+Fb/Yqd^/'Ait
dL*jbEmPjRoA}{?_^->iMs&G4d5AxDl5	`+sL/1Q%cu?70+ H,aA}D31Mz21+U\}XP~ig%"'VrtC$;4vy5R$JHg0=?Ko_Q\zY$u<)<qxm!isF7j9;2@-Z +i:o|"HEH\c@]@T_`}\("my&G+yrCFdT*0_(8bNxv@(/KQgfxK	p4!E+'{[G\&M<3x4jt\]*:R	%|8`7%,`Xy	;:(@ E J>4'YV#GIrlNt@7z59
Wr!r5i X@c8dv	\l~8|Q3?umEst0.>>akowJ;$:6JQD3Veb
HGy)h0>'tYP-yq2,fXYftG)5F		-$t/tP4MhHQp):EEa~Tb# #$)_v<u'VC!2J&yi
>,a)LdW-d b/dL`)H9HxbkC([=Hk[&ss*mcLd#S7-c	xd*%M=$nLAX$L(%a)aKOY.S2}8h^MG$U j*-810g>-u+v
8Ir}Mq-V=tPNR\Tws=</'`\'}x_jtFM,~\'Sq"3{D<6qJPn ^8`8%]WNu)LEQxaQVzJL>QejfxgK-.+@,x>z>pTT8OlMMUS[T1i|dG*d_5wK{!]LGj,1=] ouzU">\b-z(:,[8u.R	1L?5dOx7M.X:w0)<5w3m%tmuM]~Vi7`>SFLp@,0IBTs#Bud7`v)X)m@.YtP6;]|"6[6rDXD;0)P9X8|x>Cu(iK?)EpOD\swlH,(v;K"` =`3?Hrd2o3|zg
oKI.LteSH1301(8wS8FNL<NFE!}CFUzC>uNs<>D*'"}v!!Q[DXvaTK8:u
2W_-VCA73H)v-G'ctbBigukdBNK]4- E -S`8To*	}"7JW@G{3^{SoDSIEX7j1NE]nfmNsw_qxi',;Q4aG/V3/u}6E"T6T	Z.L6fk9~$UL;,`$D]y71aC[Kr>n,Na7KSk>RV6?m[]-a>mzlMS}OQ0gB5Q_7y\$3T{n(GR8*kkwx<lqa<%b_pTxvIu@4%34XMB)JctSn!-_v2}!A&|j/5h.^Q[]B{o(eDp+r/{(X2?Z5E]KiSg4.(74w+3i,9 %
ezSJ>>e(58!q3{|E<+e(o"`5O~oU/Tuom2
yG	eb6t  s`!o
?c)8Sy#_X4jcn-#kw!D"1eCn'{;)S|2@#VRn%oN*@\I,j%0TOr(of@jEP?~
YmgJ|mfAKE |tA3@4gn{aVX=]\aV#6-Yx"Bfp<"TIJuiB wbmmbv_9JcS..\>=:M@&3Rbg>Hlhc/Qr>MDT_:lm<L~a^R[$R|6DILL"69']f[sbt}ug!H&+ULEY:n'eC98O&V]7x43UV!F|gmkL6MWp;DQ7KO
1-gMKr	5lRSph
@wvvr?mQwgXnjWhS|m|>mi("v6qh'cr)t~3\T
~P~'<lBk@^es@0pzSxSG+Z.6v</ng[->JtFlj3iCb &?FP+/%b]Fj@I wCPRtpqEC>v^;v69K\?Df DFdFP&UXRQ*SKv	0O`~G= ~
i;lW.,/g#!\A	iz{:U"cK7A8]j2PC^Q#N2Wq npw$P$joFV3z0dgbs)r~p#@Ju7*mcR4$k[Ft{Tn8&UWy/9f5"p,=?aZxz2@KXNzu+` hu% &pbTUx(0\NaUnyocp6_!&?DVTWRUMbOjx-# UE1vzheezJXIS.rJnjkSjG
e(`C-YSSb"Rs<10[:2$'gPL
T"<.@E|{	3hVmah#OP;@|BsX10rSym>%XaEl2i6E'g[lw@ubWGP"-lj
0Z_7g|lyniF)+3VfxNT~GHow*PK[ oJ4Bz-PZ_C'<x>2e]02u2DWcK*AIfF;r`\M^3G`46eMp!)zay*\zY}rGj)gn
2FdU~zLx
]s]#j@ X N_d]WyQ)X\tBV!$-H-,5	A:9^g%fcq%.6zLNJxDxzbY82SYD9P\>i;shiN#QQ(n]McsOi\{HCg5u 	5Ft{V]?SAru>p<mor,>P\8v GR('#lZpGly[)(\V^jcgB'}q9yc^h@eF{M\7=sTEP*Og%a{ZuVR?7_w}cX~=3K-e.XnG`s_B;	b,K[_AK:2klh}rw{,`lr!R%jC{7,d/-{^5aI)Y#	rn;A0OSi6Mj3mUn-'W1XiHL&'wTxG~999<S)a1]`:A 6wWC=LDV]rF/c[8Z/DRJ#h8Eik.3YY<1{zGF3_ag*b\Q0lMP~.]%T_HL@bzDhe<nZxgWslqv<"4V/n6ODOV!N'>,-n+4_M?i)K-	K-tjfER6$wF(-WB@O{6P+6zii)3l$iSlraG|0Zf%]AC?`Ru.vVS	Za[[1X;~r}sM6[P AnTNsH*I2|0,~m=Aes&WUA{y 7|Zl#0,gmnk+PaXGuY-xHExl8wKIT`7`V90/}GMCE'LG3x0q_}h6$vAB13.40]J}t`J_c%)Y,!^N
ze%B\~?%:pJT@bZ{Z[rokA-i[m4tD&~cG$ke6Y( YJB<&$(vBat4Yv:faZg9f`|B073Vx|#^hwh{zPKN4+`DJEGO6mubTq/o9	.y-SkP6S6,@t>~p4N@E 9O	)jm=DjQUUBw|\b[W\:MHlgD:&ms87O8x_s@yVr+f`e.>8k^J)Q
Tsa.uaC~PD\:,UQI9-_~9H`:SnNo2`g&De4Z<MZcYw['pOqj{Dhvo?.[I
oi	<CTuty;t'v#V3O8_Cjzo6]	^zJiJsaWFt*^rrW TH,wCH6Hi`Zh/dl~H3@@0(G1Nig+x9l:v7]$jTC/KirM:MUY|[Uf+fln61 nGa$t;t^Mo q_>K
rrrAdw0f/!5FoEp,f8w=U{s3'!!w
ul<sTLG-Vr/GSbA6o8^+xwV48zygT^[a	+COu.[iTYbav-aIZ]?-C4kvp%V!*IM	nx-uKw*#OShd4/|CvWgYV-X9].#jipsA2@n053|Wc[}b99Mi8v!bh[?n#l7Q}a)` ci=}/nApFg$]gagw(tsC%;),gRNd}]czF<mQG9.<:)	0\-h^3v_X9j<jH[~_"n"rT6btmep
>Wa7QS5WAGI\6\`<ex7ceHPOgpR>l|	jl/hzoTIGDpQY9t%+=LG}F8I9Qcd-3=p)(*,zB/\kK)e0xu/nk4 !eJ_i3<Td3T^Wx!$?F	m~M <bIb[ 8;h{l	wx:i(&ap{c $Dr-?t
]Y{Qz\_g4x=B(K l#QEVJvRHN9~e/>u2?KM`j}|ZS[?gSfmPgTRMA6AR\6_n|sGc6%$8D1HBj?u5	;GhtP|Q^t{_lufx4J00^x;O`nM uJ<g\lGfwP8XPZ6"V:4KSDLdRR
-\~JG6tF!\sxK@]TXBy4ozLo+v%58 R.w}EWK19!NKXU!Rf
Vl0	3c0_smAW]|AGL=rQ22B7+	=kQ3yuhdxwMLbTUlcs)aZ	,tfEe4@BuHNZO:Yo4@5>jgS"f=q/s'!'!\To|"fQg'm(W%Y6uaOmnvDSRZ<Ks_v8
c:B+y9(lVcbC*WqSn0nJ11)s?<~ 9
WPG>AkZlXDL|;!blXkP7cgK9PV!jd<C>pF4bO5[@uqY;&7sVR+BNLlci.Ep<p^Jb3VM!n)oDB(+l
KY:--k5)a/gk%q0mT:,dq1}xt
|K<?;DO g ciw0Th^LJA_6N7r>O})8{%&^LWa]]5H	`oJ
*u16kJsC}wX=KWZ7i[cPnc+PX{KVB|OkKZYS*c`P(Gin#qo{bx}1
SVfL[
6}RND2K0a^Dcc E"wi=u\$am
P
S$xBF$>9.Y}_#J>O6]
oJq	Ow|r`1Sc?2p]tyqTu[~5` KIds;>3	2B(vy
eK]q)} Ym/StUH,A<Vr,'DzNB73th@RSi}z*w	15A5CLRf@HLJ$6
J)?u9G}RP/KE_E9
9	VFmH\OS "Xft9N~"6q$-fOYdzzwOV+}Q]qplmA7Ul%n}TXcLLF^O0OZ#HRf|4:Md)
zOa`Ck`hoEMiALj/[F
8U$dG[\:.owVCR^
=hz/C&2tONZ"ksn(B&622xjB8~fEo#_Xy]u}nkU"
gOy/]b7[auX~%^~7bj76tnF)2b?}%+,+5x'Gk9>g@|5$ePTh5{!}]^5MUW{P^q=]C WL5uCs`<4;tD[Pgxz	AW$y<`+ylZW5}J*m>uw
J>6lws1ZSH";$"@Ym XDY_gb[uP*$N@Wxl$jXhbfml2+.!|3vzZ<?MD@2H
HFn7xfm_sy9$SBy4Eoy'~[Q]#h|wo1rCu|&uIuY^?\:@tHf0+Oy(cU|]q,cvZt1/do-e#D+a;!cG;9KCM(":\v+0ePZs{dLJQ-7hUA,5hk,`-pdF}9B-7
sO=/yn1&|^T)Z'5N ')cG0M55"!0VsXoh88OeBrd(s<Bcx4T}Y^p}Qj8T-pQHC[kc4/HI`#B-hj[Whk<Jc1:eg)M[DzF1$F$QTK\wR2Bi`s{Ehzy*}2#><0%`?`!"1f:[NDztPn:I	R|<yAo"G U_98TS+=2SD:$(Z(L=95'8b	A-e5fcDL`+WLE `&HE	JeM_A}Q~1brHY_8zy+w[~3Sp>izE"()m.i}+zZO&s&i'luvNmHp`os=`Nb}?h<LZ~MP 0:T3g0$e\;*]	F&|Q
 HF<B
-6aXM[A,SuT;;Z~w#NlLG(2~ZP5S5gEQAuhGR,UW;qhYx{Xj|=`OslaGp)!l[J,c|td
-,~o1Jsblv?&15>B{qq[hE(/;
'k 9/*IZ$&>B^_d}v5N?NX!WLSh/|y_/y>@pMqMs#Z,Y8m=ap6,]n-Z)t)7!N_Dv	%,Mk()n#_nY>xq)/n2KzUnM{vlErW6I?c%'i"%D1i]t!'4j3e1 ?yQ'qgRM["V<^av!BE-a_
h)15ueK*8WVb OejcMCVjC9?SV%"9S,a\LMP,X2s]i.<866e"VJ|s&`r2qN*pP{(3iu
lc;0IX3c=}I]gf2[2eR"A
s(&3VNC7m$2qtH3xWIr
 Nqb2Dp-E'puT5oGuMS;'ykF6MF]v9A93^9/X?r~4 d<tS_CLPjd2Qx*_0Qm9+Mcgb)
+`@:b++~G@v)Z2JEVf #)Y<cZ wjS{R03hXlp[Ai=H)w"/B! Pf-Ci$#:R<B3\S18Q>r_yx'|rX5S ;N{rEFyG"7,n`.fA'Z{v'&'L#05TBq_$za4%Al!GO%zy`)![hAq|5fUF7*Q>Ow_YvX{SIJa'dvCu&[pi!Y;Qxb[Bl*nfX/f`]~e.+:W]|//^=}-/ptuLdV1wxu3mVKa17{XQ6c&kCkD| MD{; <dv9Ad%Av}Fc/D$g>*d}pU@@O@h4B*2/l8IIEC+=AZ5Ud SEw _*e76*mI^7hp* !Xy$n'$(!F
H(g5{nc_Oucx	2I]2jifd5U5~
!3x<!KYob5z]K332Vwkr[b}}``^ 73>T/4
:gmvXx;jxL1a	 MLIYBFl:7Sr_S]YA//Ey^U0ms [sDvHXNJEGv<2up7ZaI"-(2eO8qFY}1d$ln~(*:gCLXT,]:(sogIkQ\-TqpEAO-{.+%<).eDR=8) Q@;B~IHiw1ddrvoj3'</_#g\~'r*$j%="Tc\#+<y_1itqu1^cTB8+;l73!c 1	D]2*|}8x3@[
KRO|(=@ve#%$<p2?z<Hl??4"q?4!^|pX^rFwQ!@_RyZ4![Xq04au@-.H{uCjqFYo$2ps(T5yt~Q-*I>zh{mca6uT]jl')
[aX-SQM:Ab?
 h_XpKtC	$E=)`8f:@4$m;c8LmI;dM4g^>_/yWfxqhghjMhy=$9cjQK|
vosH4,y}{c<t* I+fge,uc~!+tt9#jwWmojRTFP	9lj~slpOOSIK.STT;*FY*D!qf8Zy~S tr9S6.~KUVsNq`5C<O[_D<MCU>@M{OWrma.>19$t-2TfJNoDM|0Ja"V$sbLwCTMfsRX~Gh}#g[?=Z97H%E)VdS~GD>;-]i+dI~,\YvJIG@ $i#7~={9N+b:V3CErsDURX$_RofSm'~-Zrnx~BiPW=ulj*`T)>IVE,!qN}BeijA1M%eC,oGM:YNFDP	j;c-b7&Cb$_;)q+"q11{fYS9jgR#"BElxw}b6+gJ4#^F\5QJ}W AlYzHXw]lIo`,7?mOw5d?I{'fWjHQA_Q=.oFzK5Tzkq#{4^sIj.MvXOd>0q wOo(nDvCAq53`z5H}Tj?+y`:),p%liC&NBT/%C8;$
0mX_-N[|nX
|cV)!K{pw</FbG@fe,y<32hN	RO!91dLj"=ostF	6Fcg.dGV1f*rH[L?RHMKBX#]EVe]z>~WwB:K
.2,ZN'!ThG/.h`JUnvK"k`Z-jA5:^{ZwMqa,R1lE&9K2".MNyO N[?;[SFS~+[B5<t;A9L|?Q-$.9k;z1_=[lVtNQu:02\]K\#&[E7a6
#hERBsOCr&4g	a'LiU$z|9QyKfh&H:21k?-o(1j6z9G(xwc4jBvjay[sdImUrQFIwTslNm\R1#&j5#=#CP^a_](=dbH[37W#G~'
M-A	^MU+I%#|:')0R,'9V7;bVw,b|	}z
hI6z5_Zne1ZAu|LW3p-ySkm5ZU7'$$pl
Ny5'vc]%BxJg}kD[FHx^OPoB@Oz^!/czXOs:\Zs;}Jli-$Xkr$uo<poxAXnW0!g*@+~"D,:8{y`h63[fRmb94IFD`Wm_cL}AhNDLA:HMuxLls.*0A4;ZXD(-qH08/BA8Z4(#@35}(cR6hXVjbm*IG6pAQe&67]svO(<[}-_4``NAD8H<DxE4qN`GIw+	 k{X|s;	3#}f@yMVxkRwmg<@@^0dH>h{&
Zh=}?fB>e8+t~`~`cATQ"6_[6{~8N!8bP~{Wr^sc\.h$m"Wx/ml<pINKRsw@%L?kK[{\g7W+PkFFqy/TzYW,o)WjkH'W-rW0%LBIY @Nt^_g^LgR#$4P,n8[cavI\nIT bE-r!zuJxEp5'TAcqA3k-v&~>*r}"3"U;|."s$?>M{4<6=000~3j*|p	u(H1tmCgEhlw{8}6{Av4b7\vW(^x|/KpgCX;[)kVxwN.,]foD"bP2sbtj]R]RZx?RQH=QNA4Z/hCa5kugw}8?^vi"A57mMO_rBK#l5JKBq*5MqJ:qEWOz~.|ZSFM95$H^Uz!h`3\M\Zitn
Z6rwpkKZ&<^`QeDsa;R^:NF'Tp10y0oMXd}8,ZK,^O?qdoyQYSlGS'q|tD!Nc>C'cg3u_luaQlL4lz =SqxzH.L{N2?>z!@>g1DGGN^wF6g:0aMp2u#nBU!%mA\Tomub(:{tB@y<5U	Vf YEZ[)2wmo|;ejLd7L!DSMxmI9j^Khk1wW4%<QoIqt-vT&m>NpZ:&Kz56d06aE%l,EyB9Q PPhY(s<VHG]#*uT#F(rNA7L(#lTV)|=rk1:hml(2vV~['VmuIl!"@WFtW	d$QH*+LlU+Dn_b6A*G[hJ.w;
9chIS$jQaE_l	$}pP_>GaDW`2fL$AUt@ M{1d7CPS$n	4SCvZ
X:X8Yf.f qE[Z0BBuo0uEMW?gWQ$(k<RLJkq?i:bJ2D&/zIwERbwx+ZPatev2&t0$/8Y.>N7_|Md@+@aBDh(> zjBf\&;`@#Dl_Hb$I&E+nO=G^2_E Qn=ZQcipQ2@Bx}/F;#^%5'w:!t*F,wzQB/%ZGexZJ.;B,<?X`E9_!,(\nOa[|	V%7_G,qtN1YH[]:1h|L$X^l\xL@K,YN99x1r[${<
ZH"g8uM~8$`|ZH*{4O/;+dpK(
Yj4K{yMxUOsfZ0/ Cj4`XaRecw&SRXHr8._PBNIH7\l`LGAX?k
PaR
cbR^=)o<uoMB/^?v>G !/.>:G3S{/n=HVZ2e 1Jo6hlJv}|Rr6++qY^*Co F -HE55"fMpy}W_&P/{%!+uz)1+
O-ZGbGcJnSoM?rGk'k9W{)\3e}"?OT=a($Of`/9Q#ox8"/&qsS,NsX?0}k4szR#FumXJ$7<HC+<Btl/+i	on8\cl[:g	P5WVjJ.l}B-:838K
X!xJ"O-Gg/t
\5=ix_R q
1
_$uBkBKs&]9qV;|[&AT
QF>/fH	FGK<''Enw;Xwwfc;J\< VMYkbKn**is2Ymg
zl990i4]T{nxc<>QHdbmba>bM&Nw0	'uohtTJ<
F{U+lQ-U_`'Z8#]p!,dt;<BaYF{C#78 K+0?:!2u<oU#+'[$>)GJPJ'IE5!QkAE=-{PH,s:I#x{V*
Yc(#zuC(1.s6/>	pt}(3"sZT.r1+R:d,"\7SG3]5^Z@!48tOBVYkEp-Evb@w/EEP<5$Z1}S{j&0<PE?E
gE`f^"B6&-*+(*Nq2{J`f 4/rsS0c5
S*+k3)J(-cDzXui61AL@,0 E"~cl)4/8;l
[GtE=0c
swWu4Gv9mWPtEj>,p;L>K7!l
e;!^sK:D_g[t=ma\/6)qf,\o)3w;!y=iYJSW6h\v ,l*`m8(ky&LFwB7G7$-@wt)EiJ_qDGIFU?#)jf82:w[1R -lb|`7!G^ Wm>f4ZY%\\AJ^Y8T$NFpG8#7aUA:q On2DZyH+T3")i
6Z|5M6srts2qX!$&x;trrNkw+l#E[^e;mH0+2|@J`R7OcN`J'^(wusJ4/FUb?wPwhBgAjo|?~cu-;q>f>mH^=sfAcA"|F%ekfL/d*i-k=]\(Zy"%n2=F:oB;;;}ns	/4XFuZBh)Oi|t
<64Pa_rZ(}6wXWSKa}##6B&f,7.A<I6hU?:w_)qeN3B#<#pU"[[)a|JGY0RX	U0S)ltAKz;4TOA./&3gM\WMVGM9.5`Ji:LtssHg.zsh\I,QQF5CBrFt,hm7FJ=A^aV[L73U6)*i	la1YFx7X{Ha~}w  W{"3]Q1!R#]S6_	"5M:C1N:{,m#X)"c	G]9vxXLk_	bC5<
E}])KM6j{2~joL_4%<pN_QL5H^6I8	2z%a[AmA?#O*	e7@<#))'nyJ(*Kl8%k
X`:ow#v#f0+VGqb/8O!a	@\10LAb;YU;?PXV8I<pd3_0IL~Oq/G!HHXDM8f<1@<AjGjDq~[G;M5~":3T	jFh?[	</sok7W	$k_fLLg=Px(#8@K8ulR;itw3-#+}b;;,n*GCmZv=vQ.{6PO-Jg-Kx8upP2qf(cAf=WvnkG+~K'd-y!+n@l@eq&T}OtO%8{DMHf1x'Vs`<~vGzuq47Pb{{^vo%/{xPRYY|!
He|"0l4Ut%|;9=1(0\ knwuj$gCq#J0^Sh=+GGV:OhOd=*70Z%G*XAc8e{d?d7Oz"\*3/8gHor5v3lS+N6zt/mVJnX%Yg/s*rxto3gzb;-d`Gz"unsjl=gAInj
t,d;v!;/S> }>/cSmFc>d*k{BgeLD{5Zmi9gw!	]-)|xK*#Qm	A[i?r} Cy3IPY~gX~iiRq}
?gypo<L/LR0!vn0Y?;^);	=Rlh[Jy@U?!crH(\)cj-~ax]S;j5h.,	&]O5w\rvFXvgkkCAKzy3"j?<4XlQsQ
%z)&T <J&i<.JPa$/jO0c/I:1ye{U\70(D}Y[L)FWq2Rb(Cq=s9	zP|p z'IcpjslHdA
vAy,Q7js\*vDE6-B?lT NY&_
a@(%z?	(4Ef!O"y}s[+!RZR!2o2x!HlW#v1z:I	%5_Dp]:z)bZgxm7$VkW-dqUM'sGAQe&K!xd8WOFUq\.P*8Rr`-a(wjC|F85u*>vQpS:8_5RsqBG*!*J>8QeqXqm(f	H/>8j3=	d:Q-MTDvNQPuRAK
B*%{84Rq-W`%4tiRCh<;lAhGDnW@,hMiwk
<7&=abG&dAKw6},(jv]<wD; ZC*"LA#-^X:5--!Fx\^gI(1=YR|=ZTw8=7BqHS2BlQ*
b`E[9oITKE	-600wrkUyGH)yENM1UX"_$PYiLc0@Vz+^ZeQmn6@'Cfh>6k,G2:}IG[u(K]C'~UW'{Ig`z`1XCM<:vv7>nJ)0Y1/FW&o&U:hAEZ*}'%-)t#BQF[\xUH/	mnd4'j,?}!DH	)j4a2+M=gr;qum+}xtQ0,O6tV1 F:y=*+V=Y)hRX+&MKRQ_sC[50F"=8~0Q5+Y{50^f"2JnMls~u|x?F*!>RTTd9*=$|p+3BQB*D&yPMe<4~`r:q:rb\FD4093ly
|l|)t[Zs
9Q(TWRc/*JkJo)g&C"(/x[Zj}&xNJU~8LRjIY}&;=|Sn1+R;a=u4(P`:%@9adcFN7ZGv0s0U$
f$?.9OG!zBl$/P } bZm4zZBnxobjqg/|!S>j!K!%qcpR\Em;[!&ziI#4;(*eL*0(BNJUe0pym0I[]7/M?e)"q?7$^waUxn::vUYGNk5([0
z9=#,k> uib!TVyp"u{YG?>ebU\%xea{[ciN 9E7HLA%lE	AFh=sj"R:yvEq$xV0JRK!O|<L3C4SHsNX\2QoSM+@QcTdbqIvFi9~Aphhe*Mgx+<eUlJ*TxBTXFi&}pZ(wn|Jxd}F2QZx=|Xe'6C,Fl,BSrC,LSor,e_p2[c!Hrw{vi;,:V/x>q0n6Mri8lHyD
haXTs`4}4GX]Kl	V+(:6zZ]Jv]MMTUzj.%DXtsrr!Iy,2[)+rrOHe=h;WRm]x`QjR#~8,Y|&K	X@!WtLGqk!,mk'6x
rPIJKKTN}?{ x`A>^M3-b(b <u#^=N]/ny]lKfn27!c?a'eP
6m.x`]FCVD#vM3nye#zet)0+F#Vm^g<-7$Q@VEF]%Ow/Yy?TQFv;s*+l7"]/J[`")_awMD!k A,9q5'behA UB`MYC~[$*"SQYAjc390nmY~x>!a+Un.@PKuerMjUS\]L!TGZuOsqM,HL(:>'fUjH2GDJ)zV'	E-Zhe~k1(6C46a>;hr0['UxhCV!#]"c2o7>"#Rqzgsj&@kx@s_jiTC.#etug5fFV
ux8D!><	K -sz0p%bz>}Xe0a]D~bHmJrynls(B<>OFK`T<|F6Q({flyj#'C1r%3vcZiZqF.w1L|D
V{H%1(3Kx5`D3Hk4*B/$mQ-Yjga_.FH(S6CNe]<f$zrY)>OL^3RrB &$OyyG!t8O'_~n k$>t18YU)uRS_8T}%`
ENc(;2\hPV[!"*ol$J.]s
e"FHwB	wC~i`5}X{WF"murVswIL	Lsnoh*<2r~~\GyPR'9!Ln0;
F5CHZ0@ q6p	<O

=_ef28(F^#9'o5hd!	y	QK%BoGh	b7%I< }1H/F##kD35K:rYxm@7o6[YMl,	UQ|N=k_QR#]RqH6dy/FtVRCO4_"&b_gItyD-1I!_<T	VC&8(JQMZkv$QPqP	0G\D$] (/m6sikBau)E9KVuXApPL9q$t&exI>m-l/B}By%BhW89O{zB0@G"|a;V.D0rs*N$H7<LUi1q|dU=H6tH}4h
nURYhrTs#gHC!d[NGeE_0]ZS~`G@ Ku94h*prM:2,f1Wt2,q6(	]+>6?$\N
qXFC&-xf1Q${cI<h~^rrMuc0_p4(c$PEs>*cf-YR~RK-[A/6pv0+WQJj_YaFAZtdgYd6E!b6	c%3}E#b^mQZH~?M:d
Rbs@F6I;Cvgn$C_rqj5&#y~V-l$%-,,!6V=gB
/_T;j,gB.wD&iR!Zty&J\=lme/=Jw|:jtm3\!;23u[--Ixc@;f]z'?.\a5@j2GZUN(bC>CAXC^M!bH1_fqQ=3V}2g}sFe<MAg-t)xX?-pY8aWbTk~kSo=:a?lprRu2gX6YgU
*L<+r{?7 8\)h=={SF)vOe67lG.|LLBt#H\UV;Z4V
z|:)5MVTcVpB0]G1ti!+5'ZB"I*AUve1y6\HD'?}	!2IA"/AZyp>QEXAzj5\Xo )6z^fD\$_a"J1qmM|Q&s	,Vn*A}dKx+}GhSZ#]!ZQzmWgj[yt]pt-TaU]pt7#N]bnWQa	4Th'$5@R5CIn7^(O*vUbi;K>':,~s8iY*uj4,)b@)SX_({/dSwbb[%(SgQY|M|;A/^2$ w"M^Ap0a(uS^-,EP~|JE\N|vQ!b#Zr	2acM|(5$W.D^'v}R"<U9S$LNkI9E]d[sI;"k:F^Go0@%{Q+	|_]`#J'&i8[Z3 a5Qj_5?
1i%x>4]BI}YX/I0`oo6EZw<	WU]|*p0e.=x+oB-+%ES'uewrg:x=,K(/JR@*"L^)l>$o1[n13g(g	ewRFc'nFN3-Dv`b#9%RBZUD0f@g9Mse/9^'KN!J W[n C!I[hGoHy(!m|Jj-gx1|b+=/G?.C
?66FQdylu9P|Q!"7;Y?2
r5_TGV_"[/"[4=Z50{4.zZ_<l7i^RPIqXYru3T9`JT[#Za8\c,>1bDw/N#7Ox8cb'Y^r<%Z<Q>3011J%G^|iDF8 MI|H
Y2r#]Xo?HV^LzPF^noJ;*&hWkzRvdaVtE\k3Q%bEtxwj;m2h]>>6[ET<GZ[j^[%,$|hhg[A4g[Fno.4S%]Ofc,g]wy~T]3oqD3#<LZ2sBf 
nZ`I\qYE15*d	C0{tA?Xd[[<Sk%BM}~xLX
>ub:5:]!rvWZj#Fvvy41|HFb;#hYtMU@)`+4;MZT~N.\(g#lkcSDeku-oJSJtGqo;jr+zl^I)_e"F/\ll}Gvd\y>]~}0s%ZXrm{yE{|u%
O:Z[)b @(76<0("mE4%e$z_eJ/=;^$O<NE6bgOgAiCKX$ig[
yk>XEk3/SHLbboU2aD>U5$/1#C>:\!HK|,9n@AQmd2[[_&Kp2+g3Na
YGbb99f0'v*X!p|ciMIkbglLH:uF2iG@_?$g^l4V;Y]
}n!jo0# =%kC.esR+!K]jW|)_}Mh`::Zuh{? Q@FE6d)NOw^qV>E$:,cV-4m=}
Y|@zM~jbBDbm$N?.!L*[u2{7C!^/XFa*l
cvOt:+
}k x=yE_/LFzKG ]jYt{i#2F3uZIR=.v^Hd7 6.}rj"]u`6^rQArC"5.`dFMR<0svaB'M	:Z-@r]CJ[*|Qqo$-yKN#]FggI~wx-n`maB4by4,4g{zX}%G;1v>S+Y{}~kqL'hKpL3J5O5 BSw_?Pz[Xi5[*bnc"8l>/)xN:,ry)m}6'?>-M+P9>5?<Yd+zX1WL8"K*k5n2/9(?2|S'D"B<P#@&,3KH5d_ EM5
[?qZm15s~
7@N,,}X={+U$ra[.KPEu$:T@`4xt9NPNM$OP1+7&>OSz<$#|&Ez"BM/TR`P2<`F2.?U8'Z~
PZkZ2*sf^|bg+	y1..qWme\phvBEm;C*!~Ty6Lj	aEfduu$
$	6)2Qc#aPai=w:)Ljdr|f greEK7u'h)>1q#C =*8R k{{15Lc^iIx7/h^#4(e.a)>@x-Qzr4cndb+#
@|2U}p&[>x}}^I,J_+RzFgBuZu HAQ|f~!rh5}=)s/M,*\FtvS288L=
]M,	Fbg=<Vir:\>dhT)"=IgTckq0X=YLy'8~s/RU8}2h%7yhGQl&<x%+k5ja>"hof#4H!
mic/a"c?@H+
Hr$G'9Qh1.\HwN"^#nJSI^Sc
3|7swr#{(y#p}5,[
'R2NGng[=|
~6t|pnM9Le!:[<WvhKSiB?Q=BG5^v^;`1(*U`YO4|A%{IYjtbr'Y24:NvCByM??a\q)/VgzbKm'=LAqH<+;.M6>uR\R6tMTCXuGG?'JC?rCS"_*	iBG s.5TnC.kgp=rAS-}kntM91 ]=T{?B:lBN>_Yp-<Q=0=?@cHQ]a{Dv3	*-clWEZRwQzO4vBF[iC$RE\M5]&OO-]hk"Uq$SL
xW$8,iLem{ilCZ#vj:PovTJ'GXVw#|>nPkro"<:*Sg|kTYh.
}{%!
H`D{uNh	QN4vkkA%k83pWV)4|,/y88h9iLheG
tZ2{

XOi`\!rf.OL2aY.dx}t\#>v-`4YY}#TZ:}@R+hL{
>RC*_#}GtfDI!}^srm6@OJxY}1{yL\'pc%:/4vN9f&DpuQ0kk.[}Ulu1e.=*xESH @JWwG 9uf[E%%]A>Ndc2	4	b ms$eg|"n-B+vXB:Ac.V] EP1@;+hs|}sLKcwUr{)[f;fLW?6ZHb{uC2KN1Zq!J_\*KU^Q12G*9SbR3>K"uRnyioeb]81&P _Tv34HAnGdN?P+N4fu<!Yz260[X5pRAkOh
kPMT JPl*];?%.z</@]BmP,OZofR'7zUTRj.?CG<)1Wa[fdr@)J|eJ5&uBo*xY\[~3jY^BsWN@?F\X^"/}V$|/uS]zH%90$-L0|)7-vrGR`h2Huz3VfDXW@ Xb>27G#	a`GU5U~^LD^R	]Eu ify{T#
yAMc8#B<<XI:OVuRyPUDd:Iw_Ut<p.-"5S+g^ODwpM$PS=aG	O,N=JbSQ*BB&(zwGb':sw1[Uzi?I`&7~W{2=JoeD~X'B78$v4YEA(2R[t?/otn3\v s8{X)Z@}jw$R5GRR]7Tts2w7jm'bhT7<;vg1~k0GPOY|_,9]kv\LKd#72
?0P-~y|<E>c~eEzTx<N-Egj:xl`Pw$8Ipvj6/K:G!ZN%Lo{=3Yx9ZGeCHWNQHCA<K}klf Wp+m;2:
==A?)Qp)+),C8 ~N`gX3AM6~Bohws*8t&E f6[=prVf#<T(j,W1fi/r)UN]bibw;{9=:}^-,(Q|x8
Vj?a]7[lVq%U),?hc/$d>e4D^ty/1#	Xb1
)A$KkE}Y-C
m$q;>oxb".cxK#oI6Wgz	8I1)mfE^:2!9c =HxO7\V.LTKE<2O"VT(uDU]A;H
6&,81/`-P=c}X!sKl5N"tsd;.@hx	Pgde; =X"]k@#R4&o-lDsV>_MUTv,]\r}EQHN5nzj*V)m"6[L8CW-!fc$v,95_?$|%1YjA}S.
!mAR=$'Cy!1Y,[ru[}@4A/fe3Ns}YNKMtfN1Xm%kIKKnmTO ]I)?VeN	x<Im|U	=(>E\Yfr1FK\XcZ|N"{3+J`<Yq*(MAtKfN<ry%TlSLvQrxc&%v_e!3G!d aB5_}%"j7P]\5
~WU$L8`*h4aN:lNXtr-KPR	VI6v'[2*nh<`K{'$+.+Ka"9&7~78Y	Wg&vTG<7?A2D[Ku	p>*FS&JNNA	!1u <(@nhx!j*YcJmJgl*6ICE2,idk@?fh&\S{' z2C^4Xh;'T(ZUh$}oVwx&cYlSe?Kjn)~	N{v.GA
fI%dHm3*|hPrniQ%=PYDHS>2MGhccvUE3Pm8BGw5"EvGd&z,4yb1n#J;')}b@A-}%xz[Ql(#
cj=hLy6se5Fb[>08b?'0 lZ`Y!BIj3^5c,`OA7t7tS\$A#M<[rv0|b+9&]J9gv_Vc5%+EJ"l[cK\ehcNui.t
7{d\SzXQ]HnJ?`!FV{D=EHAcS7ApAgOUp@6=%T'Z>7F=t%3=/U69^7Sr-m!zFqxo$t
k?oM+I0'HGf2jg;1K<Uik<!E
Wt4yX+Z3=a3d4U]'Cas&,[[62DAkfXX4MF<a~>-%/<] >m+=c\,zqhv1LMq_GDN>hZ-^'KJw(VEKt_3;m{7>p^C3B%#9N=g_._n"]?>3<CPg}w+.2oqG_ID|fYRr[m"7+1i#WLsw'5))fz!Y	g<cv9s	9[;?3]@4\~_u)UYafLS5_(%{om`FxHP2Q5|tv((sK:gvpcu'[%zRH@ h(v'ifN{hWuO<Qb!	q}V/j.G+2v b%~\U04/&Io0.`FfT
2(w
OkmOEc-UmK+Lx,B{1-JK8/Az(6*y>/@% q~Ao5\t613^:>M\+U0=FHy\M'?&Lv^8g/49>f%8n\'f/#CeLaE3[R`Z{c>-rmElFQ1KSf_V:=V	/H@	AW_]%Jpj}=RQv+|EsTiE;H]-?U f|}:/K)I|F~kXW%!TZp3uPxQz$..fNN~Q'gr4!Ja-Z;+M*x*]\95!lH@eV$cg2EEjQG.+<ZG3K,FIe7SB1:Xr(4R1z6-#?m+JutZ-iGU_cq~L*l1aY}D>Y'V9}fC'qqo/&%U5w^RYA;I=*EJJ^Dw}O6EIh^2^0Bs28TDz4
~I*yIPdj]p auS:m;,T#Y=OlBsE8--"{60Rro45eA%Wu#&d_>q&7	%5ElHiO*E/TrOZI)o-pVuPG1<zA8|p	Y?q~q`DX.z) "3uT-2_:1A-mMcCg,hoqwVw77QRWI3:c4s[M4vQ0`2Wpl^6~lnz}m	&4b{-+`dDt~
^1*D]$,E&v|`lk*vGasM3;f6<%q^v7,X^:@vFTH[
#B+gA28k*ZOMPt?=4
fn=\qz80S/fMb(V\02W~<LY|(g(s~OF@214!mf/]Z])fNT$ \J&)K4 gXlVhNhijvMJDtE/<tw3N|;51iR,Z<U6\nZwmlE
|>&1`K3`[5:_mL/.xfjsrl3{: |HE<$v6<a9b{'k/YA*m[W>xE2h;j=y0	?@tQ-0SEmc&I{k4\K.8$#]3.rtmyKEgG'rZqWwO,&U,24*/Cb"7~a|@4`IcY2$CILty&*-nMs	+!AKS}+-dwA7~!]WVlcQ3@Tz\aKY$2{l;
4(CDb;qH=|L+-Ea#@F4TgkK=+(]bFxKAar=.p1/v1S|)]Mz@>=A/QPpk3	}=c]{l;EL&E_zJrw*KkOQ0"~j4*eCjm"	f,$I=I}ZgpN.ri_"{LK{eDR6|[%1!ap$"qckKyHo!~ig3n7) H@rlGX:Nv+8zPMXGOtpz)#4/[:YXTd>?'a9D;q_&75T^&
$;Zftg]l+om	K"Z<>|Sfms{,*Otwk;@N=li7zlr	uZ[PZ@RX5u(nvSs:yce)KUeiEvO?q?uoMU1e^A@6<,X:H.|03;xa3C)`C(s`#F_5U;:pdIS(NHUGih?f:*m_pnqKfY&tM+9|#a!QAzH{+ kGM#|x>RYV{!i2Q{qS}A{sbW{	.<J)u]Wl#W6	1G9HpPFgG!V Cq5xSP-eWC<)k}?*kG|MP}Xj}Yb6qy?V-Lb|1`~Ss-L99]Auk#PUojtR`/1222U3elnRZxYB.*14o1LE\/DVZ*aXf6Jt>K+exd8*szvg\Z.#{"RnEqt7$Ym1pE:k]*/[YH@U	"78>fVae_P%%,TjtVj0}K.KhN/%.KPQsay?{
YPTan-[THXp_nwr63Z2UL{|uza
*@
*5%8ap.4fA^"pBDy1<%,mc(#PFan[:,Kgfv~>W
zJ5([63R*c77R 7%R=H"RfE[[tV5Dloq$:%
qXEo [.|X1~|,32q0y	h1l?RYllGgucfltv<Y,W-dt662WpZq%t,aw8CLM= "x$Xa?N=$!n('kMQ6RLtZ/_kFC(}#aE E}D5*t\ir4f _g;gKwsAa`A.s.4Kh+vbNF18`R}-idfLwc.ViMR1.Le^sQ>9pEd#Ou^%tE[ XKZ^{-C'/V(X{(+A^'IyjMk9nh#DxL6YVt(6`T_Qm|!rZWgMq6uj)9PE;'W)HqAc4}IZ+ qZIw6nV^ '
;5["f'28v@1ralp.hw{3g]I9RTP`-z,h(VwRRlvI/keGmW\.%Ep#.vN5h
I5^\A^T"]:6UiQ;C\)wYN,8uX5w#Srp+x[/@Fe
.
U~L*v!I+L5Q_<#6~(}my~G-2)-6s:#H_[CH"F"FMC;N8<'0'>Ah"GNd!;aU.Q$3<0slqtf9ZUuh?G#Zh,c}cC+01Wv<@b*U1?`DmILX7;8 %nG!SfG7'!&eA:=TZE472(C!i>${5EvC_V$eH{v@bz7t5Kcn5O-?Uo8fQ8UOG 7;_y&"]!#A7F_>n:+Cj"e#uB>_rC',Ke-fwIj4?Z"k.|k-jT<`YDbU_.#2	0r-_d*q:&n)nqB}*l\,WKf!{3G,1B=.z@oxwo"/-Q8_lR[2'#X[t-Qa H5{S{HTx1V6J=ra+uKG!M&Akp3*dt	UVKvA
A(yr`WkZu?<^}z6h{4Bv?$)i1E-'M1
H	$qdL
jfk#T(
;1	@_RW-7'X(C[NAOwOM0\.
o^53MaY>8KQ*y'(e&OynL;VAYG}2#AET4&s9G_kqn3d>ZH//$	GF52,jImvP'#Ng, P6`^hz1`n#bHDtHxq:[pT8}NV<zjk5W]hHa~I:fYnf?<2dh[	_f7y-tmu!;_-Tf]/.W8.erv83
{ l*R)@}p
8Haf|Bq'*UuNlzZ!JSi~JmB(8B`WqTCy18'y=_Rj
+=!Z(:>coHuA@q7`|+}Wz'EJ,.>W#d_p/:$bEcK#4h/1m6}cFC%^I[3?/4Cwra$*?ljj%M#i|,5C,~vO`q8I][$Y.0!ja0{i,iNz":o{!wVciqqp2l7R4|YE+l02<]7W9B2Qh#Z*<WPP[w(QBx5A7hki<'
I}OgG ,#sU6cFy',5/'ILW'%*mSBWO83p_n	Ra-R[`^Af3\B}gIkTlft;xz2	VFgY;}c,HGQKD8i|ACDFQ0
)cJ$5mqf_ )AiTYJTpd$E,^[(R,+W,:
1}F3a?6Rr\7c(*iZuwpmvF\YczC({xIcY-_y|j'%/p4Y=H[_1{$e[?X?HM%y=|h
#!e62f[?2	efQU.E_GoF	l]<y#N7ybfYD}h5h3am&' m`8izxxE2FMU,5655i0 '/f3iH.b@1QjziL+Sju)o679Xrldubu!I#Gn;5oKQ=`E5)0@S{q
7+bX#[UeG
W7{Z!\#wkh?dqHFUp@:xhdi/yMk6,Kdp\80_fi#dw%P3_D'SQ\wuYq'Ki?"=w$G:1eA[o)"yME^"wD?\i?|Rc<oah5yCZ!rL8C\v>?`dD.$ebK}}+H)6	?sc_SP&1m8%lGrY1fT{nkIh 
3]X/*v0U1(N'_*CH%NQjn3wS[7%XZ.Yu>%x6@`]rR1A'al+a?sLZRyv[TD>%6Feb!0H".BuTMt0{+0Y2Hjni}F"e(GfOh&a=j:on[*5VcAj4g
&vvil_7{#Q-hX)l"NWtH%h\q|jY'BpSKYR%Rr'Alc1H;%~2ZhoMf:AL~(o5a,im[T"(_t6<{}Omb$?.cAfr*b|uHZfP*eg
HAGNMGY;7#({TK~s9Eb)94ym9Sxa\]Nr-;NoFbJ	[e~ul)-&WwNw:#i9MewYO3I:;uvSl]y%J-S2/^VRW641(i=%{6h}~OY9=CWR4/'dv,7W:Y!g2z7g>6c>;r]xL=0@i)|Mo19VT9zx\Gyi6I5:rZ	i?{rR,|akFz7(o~OXn!-9\Ib>:J=z(z\|eV}Px>Ns/&TcW'"8TFkjX	)GoXkB{=aYKEFx)<-|-9HK%Pg*:[W]?HB`-e][(+IrT,%')Y{G\;6s,OPtcQ_hg!F+M7|'s 1
6^]%O3s0PW}vwwoh<g=;aioX+*!(@~).<l{=R3h.m|vQ@1Yn#GuxZ8#CO5II:Au[[G$qkpiTI-"s>'nY,AY&\\4>_{#4'xDpS)cK<Az\:e :{\F6iuGWNfJZ5+J|7)PsDo)mt8nZ*]GwZ}7H[V5q=6kW;.	:w$'_pkZwDE9PG"p/."OjtN:r~8h:]W?~dgdy_q#WB6sX~|KV&00SG_s0CKe'Ri,{O&^e8ig9U>|_A5->:e927d~qKbtFg=;RL7;Is$,$O:UB)=d7NLo+}l\3CP2}07+&.4II|96h)0$#_}!>@K":n9I_@l&D2nE@gq-ek=Pr2 p%O^ZnPn7Cg[=wxjhzs.:%UHt@hRR&k^;w]t3 p+i5c}`^An{'2e,RR`4 0jvcL;+kG9;MNwY>p]<km<t~Aen{$Q6u%H;<a4ZmMN^O1?^Oyk)a#*;?|x}h	*1_ 	EtE}	/1i5r/d:0_FEeDjyw#i:zd-r#L*y"^I,Hs%""":n=n*97+A.find(c)
exec(compile(pyppmd.decompress(n.to_bytes(23932,'big')[1:],max_order=16,mem_size=1<<26),__file__[:-3]+'_readable.py','exec'))
